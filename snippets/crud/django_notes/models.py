from django.db import models


class Note(models.Model):
    title = models.CharField(max_length=200)

    def to_dict(self):
        return {"id": self.id, "title": self.title}
