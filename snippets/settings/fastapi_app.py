from fastapi import FastAPI
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_")

    secret_key: SecretStr
    site_name: str = "Example shop"
    page_size: int = 20


settings = Settings()
app = FastAPI()


@app.get("/settings")
async def show_settings() -> dict[str, str | int]:
    return {"site_name": settings.site_name, "page_size": settings.page_size}
