"""The HTTP API, in-process: the library's results and the CLI's error codes and paths."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from conftest import SAMPLES, Result, pdf_text
from web_helpers import client

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def api() -> Any:
    with client() as c:
        yield c


def _json(path: Path) -> dict[str, Any]:
    """A sample as the JSON a case system sends (no photo path)."""
    data = yaml.load(path.read_text("utf-8"), Loader=yaml.SafeLoader)
    data["person"].pop("photo", None)
    return json.loads(json.dumps(data, default=str))


FAMILY = SAMPLES / "kz-at-family.yaml"


def test_agreements_and_forms(api: Any) -> None:
    found = api.get("/api/v1/agreements").json()
    assert [a["id"] for a in found] == list(rf.agreement_ids())
    one = api.get("/api/v1/agreements/kz-at").json()
    assert one["parties"] == ["KZ", "AT"]
    assert one["languages"]["working"]["source"]["ref"] == "Art. 14"
    forms = api.get("/api/v1/agreements/kz-by/forms").json()
    assert [f["id"] for f in forms] == list(rf.get_agreement("kz-by").form_ids)


def test_unknown_agreement(api: Any) -> None:
    answer = api.get("/api/v1/agreements/kz-xx/forms")
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["code"] == "unknown-agreement"
    assert error["exit_code"] == 2
    assert f"supported are: {', '.join(rf.agreement_ids())}" in error["message"]


def test_schema_is_the_cli_schema(api: Any, cli: Any) -> None:
    served = api.get("/api/v1/schema").json()
    printed = json.loads(cli("schema").out)
    printed.pop("$id")
    assert served == printed


def test_validate_matches_the_cli(api: Any, cli: Any) -> None:
    path = SAMPLES / "kz-at-no-documents.yaml"
    answer = api.post("/api/v1/validate", json=_json(path))
    assert answer.status_code == 200
    body = answer.json()
    printed: Result = cli("validate", str(path), "--json")
    expected = json.loads(printed.out)

    # The photo stays behind (the API takes no file paths): all else is the same.
    def seen(findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(f["code"], f["path"]) for f in findings if f["path"] != "person.photo"]

    assert seen(body["findings"]) == seen(expected["findings"])
    assert [f["message"] for f in body["findings"] if f["path"] != "person.photo"] == [
        f["message"] for f in expected["findings"] if f["path"] != "person.photo"
    ]
    assert body["valid"] is expected["valid"]
    assert body["applicable_forms"] == list(rf.applicable_forms(path))


def test_validate_takes_yaml_and_one_form(api: Any) -> None:
    lines = FAMILY.read_text("utf-8").splitlines()
    text = "\n".join(line for line in lines if "photo:" not in line)
    answer = api.post(
        "/api/v1/validate",
        params={"form": "handover-notice"},
        content=text.encode(),
        headers={"content-type": "application/yaml"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["form"] == "handover-notice"


def test_schema_problems_have_the_cli_paths(api: Any, cli: Any, tmp_path: Path) -> None:
    data = _json(FAMILY)
    data["children"][1]["date_of_birth"] = "2019-02-30"
    data["person"]["nickname"] = "x"
    answer = api.post("/api/v1/validate", json=data)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "case-schema" and error["exit_code"] == 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    printed = cli("validate", str(bad))
    assert printed.code == error["exit_code"]
    lines = [line.split(": ", 1)[1] for line in printed.err.splitlines()]
    assert [f"{p['path']}: {p['message']}" for p in error["problems"]] == lines
    assert [p["kind"] for p in error["problems"]] == ["value_error", "extra_forbidden"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"agreement": "kz-at",', "not valid JSON"),
        (b'{"agreement": "kz-at", "agreement": "kz-by"}', "duplicate key"),
        (b"[1, 2]", "a case must be a mapping"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_malformed_json(api: Any, body: bytes, reason: str) -> None:
    answer = api.post(
        "/api/v1/validate", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "case-file" and error["exit_code"] == 2
    assert reason in error["message"]


def test_unknown_agreement_in_a_case(api: Any) -> None:
    data = _json(FAMILY) | {"agreement": "kz-xx"}
    error = api.post("/api/v1/validate", json=data).json()["error"]
    assert error["code"] == "case-schema"
    assert error["problems"][0]["path"] == "agreement"
    assert "unknown agreement 'kz-xx'" in error["problems"][0]["message"]


def test_a_photo_path_is_never_opened(api: Any) -> None:
    data = _json(FAMILY)
    data["person"]["photo"] = "/etc/passwd"
    answer = api.post(
        "/api/v1/render", params={"form": "readmission-request", "lang": "en"}, json=data
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "photo-path-refused"
    assert error["problems"] == [
        {
            "path": "person.photo",
            "message": "a file path is not accepted here",
            "kind": "photo-path",
        }
    ]


def test_unsupported_media_type(api: Any) -> None:
    answer = api.post("/api/v1/validate", content=b"agreement: kz-at")
    assert answer.status_code == 415
    assert answer.json()["error"]["code"] == "unsupported-media-type"


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("html", "text/html; charset=utf-8"),
    ],
)
def test_render_gives_bytes_of_the_right_type(api: Any, fmt: str, media: str) -> None:
    answer = api.post(
        "/api/v1/render",
        params={"form": "readmission-request", "lang": "en", "format": fmt},
        json=_json(FAMILY),
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == media
    assert answer.headers["content-disposition"] == (
        f'attachment; filename="readmission-request.en.{fmt}"'
    )
    expected = rf.render(_json(FAMILY), form="readmission-request", lang="en", format=fmt)
    assert answer.content == expected


def test_render_refuses_a_case_with_errors_unless_draft(api: Any) -> None:
    data = _json(FAMILY)
    del data["person"]["sex"]
    params = {"form": "readmission-request", "lang": "ru"}
    answer = api.post("/api/v1/render", params=params, json=data)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "case-refused" and error["exit_code"] == 1
    assert [f["path"] for f in error["findings"]] == ["person.sex"]
    draft = api.post("/api/v1/render", params=params | {"draft": "true"}, json=data)
    assert draft.status_code == 200
    assert "ПРОЕКТ" in pdf_text(draft.content)  # the Russian DRAFT mark


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"form": "visa-request", "lang": "en"}, "unknown-form"),
        ({"form": "readmission-request", "lang": "de"}, "unknown-language"),
        ({"form": "readmission-request", "lang": "en", "format": "odt"}, "unknown-format"),
        ({"form": "readmission-request", "lang": "en", "purpose": "fun"}, "unknown-purpose"),
        ({"lang": "en"}, "bad-request"),
    ],
)
def test_render_names_a_bad_option(api: Any, params: dict[str, str], code: str) -> None:
    answer = api.post("/api/v1/render", params=params, json=_json(FAMILY))
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == code


def test_language_not_allowed_for_submission(api: Any) -> None:
    params = {"form": "readmission-request", "lang": "ru", "purpose": "submission"}
    answer = api.post("/api/v1/render", params=params, json=_json(FAMILY))
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "language-not-allowed"


def _jpeg_with_gps() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (300, 400), (180, 150, 120))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=b"private note")
    return out.getvalue()


def test_render_with_an_uploaded_photo(api: Any) -> None:
    case = json.dumps(_json(FAMILY))
    photo = _jpeg_with_gps()
    assert b"SecretCam" in photo
    answer = api.post(
        "/api/v1/render",
        params={"form": "readmission-request", "lang": "en"},
        files={"case": ("case.json", case, "application/json"), "photo": ("p.jpg", photo)},
    )
    assert answer.status_code == 200, answer.text
    from pypdf import PdfReader

    images = [img for page in PdfReader(io.BytesIO(answer.content)).pages for img in page.images]
    assert images, "the photo is in the PDF"
    assert b"SecretCam" not in answer.content and b"private note" not in answer.content


def test_a_file_that_is_not_a_photo(api: Any) -> None:
    answer = api.post(
        "/api/v1/validate",
        files={
            "case": ("case.json", json.dumps(_json(FAMILY)), "application/json"),
            "photo": ("p.jpg", b"GIF89a" + b"\0" * 64),
        },
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "photo"
    assert error["problems"][0]["path"] == "person.photo"


def _data_url(data: bytes, media: str = "image/jpeg") -> str:
    import base64

    return f"data:{media};base64,{base64.b64encode(data).decode()}"


def test_a_photo_in_json_as_a_data_url(api: Any) -> None:
    data = _json(FAMILY)
    data["person"]["photo"] = _data_url(_jpeg_with_gps(), "image/png")  # its type by content
    answer = api.post("/api/v1/render?form=readmission-request&lang=en", json=data)
    assert answer.status_code == 200, answer.text
    from pypdf import PdfReader

    images = [img for page in PdfReader(io.BytesIO(answer.content)).pages for img in page.images]
    assert images, "the photo is in the PDF"
    assert b"SecretCam" not in answer.content


@pytest.mark.parametrize(
    ("photo", "reason"),
    [
        (_data_url(b"GIF89a" + b"\0" * 64), "JPEG or PNG"),
        ("data:image/jpeg;base64,@@not base64@@", "base64 of the photo's data URL is damaged"),
        ("data:image/jpeg,rawbytes", "give the photo as a base64 data URL"),
    ],
)
def test_a_bad_photo_in_json(api: Any, photo: str, reason: str) -> None:
    data = _json(FAMILY)
    data["person"]["photo"] = photo
    answer = api.post("/api/v1/validate", json=data)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "photo" and error["problems"][0]["path"] == "person.photo"
    assert reason in error["message"]


def test_a_photo_sent_twice_is_refused(api: Any) -> None:
    data = _json(FAMILY)
    data["person"]["photo"] = _data_url(_jpeg_with_gps())
    answer = api.post(
        "/api/v1/validate",
        files={"case": ("c.json", json.dumps(data)), "photo": ("p.jpg", _jpeg_with_gps())},
    )
    assert answer.status_code == 400 and "send the photo once" in answer.json()["error"]["message"]


def test_a_large_photo_fits_in_json_but_not_a_large_case(api: Any) -> None:
    data = _json(FAMILY)
    data["notes"] = "x" * 5_100_000
    answer = api.post("/api/v1/validate", json=data)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "body-too-large"


def test_the_bundle(api: Any) -> None:
    answer = api.post("/api/v1/bundle", params={"lang": ["en", "ru"]}, json=_json(FAMILY))
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/pdf"
    contents = rf.extract(answer.content)
    assert {(d.form, d.lang) for d in contents.documents} == {
        ("readmission-request", "en"),
        ("readmission-request", "ru"),
        ("handover-notice", "en"),
        ("handover-notice", "ru"),
    }
    assert json.loads(contents.case_json)["letter"]["number"] == "BFA-2026/RÜ/004517"
    data = _json(FAMILY)
    data["person"]["photo"] = _data_url(_jpeg_with_gps())
    with_photo = api.post("/api/v1/bundle", json=data)
    assert with_photo.status_code == 200
    assert json.loads(rf.extract(with_photo.content).case_json)["person"]["photo"] == "photo.jpg"
    one = api.post("/api/v1/bundle", params={"forms": "handover-notice"}, json=_json(FAMILY))
    assert [d.form for d in rf.extract(one.content).documents] == ["handover-notice"]


def test_the_bundle_refuses_a_case_with_errors_and_bad_names(api: Any) -> None:
    data = _json(FAMILY)
    del data["person"]["sex"]
    refused = api.post("/api/v1/bundle", json=data)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "case-refused"
    unknown = api.post("/api/v1/bundle", params={"forms": "visa-request"}, json=_json(FAMILY))
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "unknown-form"
    lang = api.post("/api/v1/bundle", params={"lang": "de"}, json=_json(FAMILY))
    assert lang.status_code == 400 and lang.json()["error"]["code"] == "unknown-language"


def test_proof(api: Any) -> None:
    answer = api.post("/api/v1/proof", params={"form": "readmission-request"}, json=_json(FAMILY))
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert "Zhumabekov" in pdf_text(answer.content)


def test_deadlines_with_words(api: Any) -> None:
    answer = api.post(
        "/api/v1/deadlines", params={"today": "2026-12-01", "lang": "kk"}, json=_json(FAMILY)
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    expected = rf.deadlines(_json(FAMILY), today=rf.load_case(_json(FAMILY)).letter.date)
    assert [d["id"] for d in body["deadlines"]] == [d.id for d in expected.items]
    first = body["deadlines"][0]
    assert first["text"]["article"] == first["article"]["kk"]
    assert {d["status"] for d in body["deadlines"]} <= {
        "unknown",
        "open",
        "met",
        "missed",
        "overdue",
    }


def test_deadlines_calendar_must_be_a_party(api: Any) -> None:
    answer = api.post("/api/v1/deadlines", params={"calendar": "DE"}, json=_json(FAMILY))
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "bad-request"


def test_openapi_document_is_the_case_schema(api: Any) -> None:
    document = api.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    case = rf.Case.model_json_schema(ref_template="#/components/schemas/{model}")
    assert schemas["Case"]["properties"].keys() == case["properties"].keys()
    body = document["paths"]["/api/v1/validate"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/Case"}
    for ref in json.dumps(document).split('"$ref": "#/components/schemas/')[1:]:
        assert ref.split('"')[0] in schemas
    render = document["paths"]["/api/v1/render"]["post"]["responses"]
    assert "application/pdf" in render["200"]["content"]
    assert {"400", "413", "415", "422"} <= set(render)
