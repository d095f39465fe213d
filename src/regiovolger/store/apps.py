from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "regiovolger.store"
    label = "store"
    verbose_name = "Opslag"
