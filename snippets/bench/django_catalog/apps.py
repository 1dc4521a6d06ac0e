from django.apps import AppConfig


class BenchCatalogConfig(AppConfig):
    name = "snippets.bench.django_catalog"
    label = "bench_catalog"
