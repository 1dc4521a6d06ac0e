from django.urls import path
from django.views.decorators.csrf import ensure_csrf_cookie
from strawberry.django.views import GraphQLView

from snippets.graphql.schema import schema

urlpatterns = [
    path("graphql", ensure_csrf_cookie(GraphQLView.as_view(schema=schema, graphql_ide=None))),
]
