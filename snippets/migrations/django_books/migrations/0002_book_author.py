from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("django_books", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="book",
            name="author",
            field=models.CharField(default="", max_length=200),
        ),
    ]
