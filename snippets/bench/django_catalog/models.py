from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)
    price = models.FloatField()

    class Meta:
        managed = False
        db_table = "bench_item"
        ordering = ["id"]
