from unittest.mock import ANY

from django.test import SimpleTestCase, override_settings


@override_settings(ROOT_URLCONF="snippets.openapi.django_app")
class ItemTests(SimpleTestCase):
    def test_create_item(self):
        response = self.client.post("/items", {"name": "pen", "price": 1.5}, content_type="application/json")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {"id": ANY, "name": "pen", "price": 1.5})

    def test_negative_price_is_rejected(self):
        response = self.client.post("/items", {"name": "pen", "price": -1}, content_type="application/json")
        self.assertEqual(response.status_code, 422)
        [error] = response.json()["detail"]
        self.assertEqual(error["loc"], ["body", "item", "price"])
        self.assertEqual(error["type"], "greater_than")
