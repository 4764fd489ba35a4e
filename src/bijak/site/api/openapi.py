"""The OpenAPI 3.1 description of API v1 (written by hand; served at /api/v1/openapi.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings

from bijak.site.checks.schema import platform_ids

REPORT_SCHEMA = Path(__file__).resolve().parent.parent.parent / "engine" / "report.schema.json"


REPORT_DEFS_PREFIX = "Report"


def _rewrite_refs(node: Any) -> Any:
    """`#/$defs/X` (the engine's schema file) -> `#/components/schemas/ReportX` (where OpenAPI
    looks them up once the schema sits under components)."""
    if isinstance(node, dict):
        return {
            k: (
                f"#/components/schemas/{REPORT_DEFS_PREFIX}{v[len('#/$defs/') :]}"
                if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/")
                else _rewrite_refs(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


@lru_cache(maxsize=1)
def _report_schema() -> tuple[dict[str, Any], dict[str, Any]]:
    """The Report schema and its definitions, hoisted into `components/schemas`."""
    fallback: dict[str, Any] = {
        "type": "object",
        "description": "The engine's Report JSON (schema_version 1).",
        "required": ["verdict"],
        "properties": {"verdict": {"type": "string", "enum": ["aman", "tinjau", "langgar"]}},
    }
    try:
        schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return fallback, {}
    if not isinstance(schema, dict):
        return fallback, {}
    defs = schema.get("$defs") or schema.get("definitions") or {}
    schema = {
        k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs", "definitions")
    }
    hoisted = {f"{REPORT_DEFS_PREFIX}{name}": _rewrite_refs(value) for name, value in defs.items()}
    return _rewrite_refs(schema), hoisted


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def openapi_schema(*, server: str = "") -> dict[str, Any]:
    max_chars = int(settings.BIJAK_CHECK_MAX_CHARS)
    common = {
        "401": _error("Token API tidak ada, tidak dikenal, atau sudah dicabut (unauthenticated)."),
        "429": {
            "description": "Batas permintaan per token terlampaui (rate_limited).",
            "headers": {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Detik sampai boleh mencoba lagi.",
                }
            },
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "bijak API",
            "version": "1",
            "description": (
                "Cek draf unggahan terhadap tata tertib penggunaan media sosial "
                "(SE Menkes HK.02.02/III/2438/2018). Autentikasi: `Authorization: Bearer <token>`. "
                f"Batas: {settings.BIJAK_API_RATE_PER_MINUTE} permintaan per menit per token."
            ),
            "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
        },
        "servers": [{"url": server or "/"}],
        "security": [{"bearerAuth": []}],
        "paths": {
            "/api/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Cek sebuah draf unggahan",
                    "description": (
                        "Menjalankan mesin bijak atas teks dan mengembalikan Report JSON: hasil (aman, "
                        "tinjau, langgar), temuan dengan posisi di teks asli, pasal, saran, dan daftar "
                        "periksa C.1–C.6. Teks tidak disimpan."
                    ),
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/CheckRequest"}
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "Report JSON mesin bijak.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Report"}
                                }
                            },
                        },
                        "400": _error(
                            "JSON tidak sah (invalid_json) atau kolom tidak sah (invalid_request, dengan kolom field)."
                        ),
                        **common,
                        "413": _error(
                            "Teks lebih dari batas karakter (text_too_long) atau badan terlalu besar (body_too_large)."
                        ),
                        "415": _error("Jenis isi bukan application/json (unsupported_media_type)."),
                        "500": _error("Mesin gagal memeriksa teks (server_error)."),
                    },
                },
            },
            "/api/v1/policy": {
                "get": {
                    "operationId": "policy",
                    "summary": "Tata tertib yang berlaku",
                    "description": "Kebijakan aktif sebagai JSON: pasal A.1–D, kategori, kanal aduan, dasar hukum.",
                    "responses": {
                        "200": {
                            "description": "Kebijakan aktif.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        **common,
                    },
                },
            },
            "/api/v1/complaints": {
                "post": {
                    "operationId": "complaintCreate",
                    "summary": "Kirim aduan konten negatif",
                    "description": (
                        "Aduan konten negatif (bagian D surat edaran) dari ekstensi peramban atau "
                        "bot: tautan (dikanonikkan, tidak pernah dibuka) dan/atau tangkapan layar "
                        "(base64; PNG, JPEG atau WebP, paling banyak 10 MB). Jawaban memuat nomor "
                        "tiket, kunci tiket (hanya sekali), status, tautan kanonik, dan tiket aduan "
                        "lain yang mungkin tentang konten yang sama."
                    ),
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ComplaintRequest"}
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Aduan diterima.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/ComplaintCreated"}
                                }
                            },
                        },
                        "400": _error(
                            "JSON tidak sah (invalid_json) atau aduan tidak dapat diterima "
                            "(invalid_request, dengan field atau fields)."
                        ),
                        **common,
                        "413": _error("Badan permintaan terlalu besar (body_too_large)."),
                        "415": _error("Jenis isi bukan application/json (unsupported_media_type)."),
                        "500": _error("Kesalahan di server (server_error)."),
                    },
                },
            },
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "CheckRequest": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": max_chars,
                            "description": f"Draf unggahan, paling banyak {max_chars} karakter.",
                        },
                        "platform": {
                            "type": ["string", "null"],
                            "enum": [*platform_ids(), None],
                            "description": "Platform tujuan (boleh tidak diisi).",
                        },
                        "lang": {
                            "type": "string",  # absent: Accept-Language decides; null: 400
                            "enum": ["id", "en"],
                            "description": "Bahasa penjelasan dan saran; bawaan dari Accept-Language.",
                        },
                    },
                    "additionalProperties": True,
                },
                "ComplaintRequest": {
                    "type": "object",
                    "required": ["kind"],
                    "properties": {
                        "kind": {
                            "type": "string",
                            "maxLength": 40,
                            "description": (
                                "Jenis konten: id dari complaint_kinds kebijakan aktif "
                                "(GET /api/v1/policy), mis. hoaks, perjudian, penipuan."
                            ),
                        },
                        "description": {"type": "string", "maxLength": 5000},
                        "urls": {
                            "type": "array",
                            "maxItems": 10,
                            "items": {"type": "string", "maxLength": 2048},
                        },
                        "screenshots": {
                            "type": "array",
                            "maxItems": 5,
                            "items": {
                                "type": "object",
                                "required": ["data"],
                                "properties": {
                                    "filename": {"type": "string", "maxLength": 200},
                                    "data": {"type": "string", "contentEncoding": "base64"},
                                },
                            },
                        },
                    },
                },
                "ComplaintCreated": {
                    "type": "object",
                    "required": ["ticket", "key", "status", "urls", "duplicates"],
                    "properties": {
                        "ticket": {"type": "string"},
                        "key": {"type": "string"},
                        "status": {"type": "string"},
                        "urls": {"type": "array", "items": {"type": "string"}},
                        "duplicates": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "Report": _report_schema()[0],
                **_report_schema()[1],
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {
                                    "type": "string",
                                    "enum": [
                                        "invalid_json",
                                        "invalid_request",
                                        "unauthenticated",
                                        "not_found",
                                        "method_not_allowed",
                                        "text_too_long",
                                        "body_too_large",
                                        "unsupported_media_type",
                                        "rate_limited",
                                        "server_error",
                                    ],
                                },
                                "message": {"type": "string"},
                                "field": {"type": "string"},
                                "fields": {
                                    "type": "object",
                                    "additionalProperties": {
                                        "type": "array",
                                        "items": {"type": "string"},
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    }
