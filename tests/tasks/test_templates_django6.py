"""Django 6 template features (docs/tasks/html.md#templates-django-6): template partials and
the built-in Content Security Policy with a per-request nonce. Both are new in Django 6.0,
so these tests run on the current stack only and are skipped on the 5.2 LTS with the
reason data/tasks.yml gives.
"""

import importlib
import re

import pytest

from guide.tasks import variant

PARTIALS = variant("snippets/templates/django_partials_app.py")
CSP = variant("snippets/templates/django_csp_app.py")
HX = {"HX-Request": "true"}


@pytest.mark.stack(PARTIALS.stack, reason=PARTIALS.reason)
@pytest.mark.urls("snippets.templates.django_partials_app")
class TestPartials:
    def test_a_normal_request_gets_the_whole_page(self, client):
        response = client.get("/frameworks?q=fl")
        assert response.status_code == 200
        html = response.content.decode()
        assert html.startswith("<!doctype html>")
        assert "<h1>Frameworks</h1>" in html
        assert re.findall(r"<li>(.*?)</li>", html) == ["Flask"]

    def test_an_htmx_request_gets_only_the_list_partial(self, client):
        response = client.get("/frameworks?q=a", headers=HX)
        assert response.status_code == 200
        html = response.content.decode().strip()
        assert html.startswith('<ul id="framework-list">')
        assert html.endswith("</ul>")
        assert "<h1>" not in html and "<!doctype" not in html
        assert re.findall(r"<li>(.*?)</li>", html) == ["Flask", "FastAPI", "Django"]

    def test_the_partial_escapes_the_query_it_echoes(self, client):
        html = client.get("/frameworks?q=<script>", headers=HX).content.decode()
        assert "No framework matches “&lt;script&gt;”." in html
        assert "<script>" not in html

    def test_only_get_is_allowed(self, client):
        assert client.post("/frameworks").status_code == 405


@pytest.fixture
def csp_client(client, settings):
    local = importlib.import_module("snippets.templates.django_csp_settings")
    settings.ROOT_URLCONF = local.ROOT_URLCONF
    settings.MIDDLEWARE = local.MIDDLEWARE
    settings.SECURE_CSP = local.SECURE_CSP
    settings.TEMPLATES = local.TEMPLATES
    return client


def nonces(response) -> tuple[str, str]:
    header = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    body = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
    return header, body


@pytest.mark.stack(CSP.stack, reason=CSP.reason)
class TestContentSecurityPolicy:
    def test_the_policy_header_is_built_from_settings(self, csp_client):
        response = csp_client.get("/hello/Ann")
        assert response.status_code == 200
        policy = re.sub(r"'nonce-[^']+'", "'nonce-…'", response.headers["Content-Security-Policy"])
        assert policy == "default-src 'self'; script-src 'self' 'nonce-…'; object-src 'none'; base-uri 'none'"

    def test_the_inline_script_carries_the_nonce_the_header_allows(self, csp_client):
        header, body = nonces(csp_client.get("/hello/Ann"))
        assert header == body
        assert len(header) >= 16

    def test_every_response_gets_a_fresh_nonce(self, csp_client):
        first, _ = nonces(csp_client.get("/hello/Ann"))
        second, _ = nonces(csp_client.get("/hello/Ann"))
        assert first != second

    def test_the_name_is_still_autoescaped(self, csp_client):
        html = csp_client.get("/hello/<b>").content.decode()
        assert "Hello, &lt;b&gt;!" in html
