from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from snippets.graphql.schema import schema

app = FastAPI()
app.include_router(GraphQLRouter(schema, graphql_ide=None), prefix="/graphql")
