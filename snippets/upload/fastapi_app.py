from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/upload", status_code=201, max_body_size=1024 * 1024)
async def upload(file: UploadFile) -> dict[str, str | int | None]:
    return {"filename": file.filename, "size": len(await file.read())}
