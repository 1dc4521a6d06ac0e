from flask import Flask
from strawberry.flask.views import GraphQLView

from snippets.graphql.schema import schema

app = Flask(__name__)
app.add_url_rule("/graphql", view_func=GraphQLView.as_view("graphql", schema=schema, graphql_ide=None))
