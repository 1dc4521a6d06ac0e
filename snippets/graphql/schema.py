from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors


class UserError(Exception):
    pass


NOTES: dict[int, str] = {}


@strawberry.type
class Note:
    id: int
    title: str


@strawberry.input
class NoteInput:
    title: str


@strawberry.type
class Query:
    @strawberry.field
    def notes(self) -> list[Note]:
        return [Note(id=key, title=title) for key, title in NOTES.items()]

    @strawberry.field
    def note(self, id: int) -> Note:
        if id not in NOTES:
            raise UserError(f"note {id} does not exist")
        return Note(id=id, title=NOTES[id])


@strawberry.type
class Mutation:
    @strawberry.mutation
    def add_note(self, note: NoteInput) -> Note:
        title = note.title.strip()
        if not 1 <= len(title) <= 100:
            raise UserError("title must be 1 to 100 characters")
        key = max(NOTES, default=0) + 1
        NOTES[key] = title
        return Note(id=key, title=title)


def is_internal(error):
    return error.original_error is not None and not isinstance(
        error.original_error, (UserError, GraphQLError)
    )


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[partial(MaskErrors, should_mask_error=is_internal)],
)
