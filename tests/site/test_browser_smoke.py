"""The home page renders in headless Chromium with no request to another origin and no console error."""


def test_home_page_renders_offline(page, site_url):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    response = page.goto(site_url)
    assert response.status == 200
    assert response.headers.get("content-encoding") == "gzip"
    assert page.locator("h1").first.inner_text().startswith("Flask, FastAPI or Django?")
    assert page.blocked_requests == []
    assert errors == []


def test_unknown_url_gets_the_404_page(page, site_url):
    response = page.goto(site_url + "no/such/page/")
    assert response.status == 404
    assert "Page not found" in page.content()
