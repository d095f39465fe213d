from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "regiovolger.search"
    label = "search"
    verbose_name = "Zoeken"
