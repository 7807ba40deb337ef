from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "reprieve.web"
    label = "web"
    verbose_name = "reprieve"

    def ready(self) -> None:
        from reprieve.web import audit  # noqa: F401  (registers models with the audit log)
