"""The agenda written out for people (`grassroots agenda --out`): Markdown, an .xlsx workbook or a
.docx document (python-docx), Chinese, times in the project's time zone."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from graph.core.privacy import redact
from graph.core.spreadsheets import fit_to_width, put
from graph.services.issues.ledger import when

FORMATS = (".md", ".xlsx", ".docx")


def _who(a: dict) -> str:
    return f"{a['rank']}. {a['name'] or a['id']}（{a['reason']}）"


def markdown(agenda: dict) -> str:
    lines = [f"# {agenda['community']} 大党委联席会议议程建议（截至 {when(agenda['as_of'])}）", ""]
    for n, item in enumerate(agenda["items"], 1):
        lines += [f"## {n}. {item['title']}", "", f"为什么：{item['why']}", ""]
        for e in item["evidence"][:10]:
            if item["kind"] == "issues":
                lines.append(f"- {e['issue_id']} {e['title']}：{e['why']}")
            elif item["kind"] == "task":
                lines.append(f"- {e['task_id']} {e['title']}，期限 {e['due']}")
        lines += ["", "建议参会："] + [f"- {_who(a)}" for a in item["attendees"][:8]] + [""]
    lines += ["## 建议参会名单", ""] + [
        f"- {a['rank']}. {a['name'] or a['id']}：{a['reason']}" for a in agenda["attendees"]
    ]
    return "\n".join(lines) + "\n"


def write(agenda: dict, out: Path) -> None:
    agenda = redact(agenda)
    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix == ".md":
        out.write_text(markdown(agenda), encoding="utf-8")
    elif suffix == ".xlsx":
        _xlsx(agenda, out)
    elif suffix == ".docx":
        _docx(agenda, out)
    else:
        raise ValueError(f"{out.suffix} is not one of {', '.join(FORMATS)}")


def _xlsx(agenda: dict, out: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "议程"
    ws.cell(
        row=1, column=1, value=f"{agenda['community']} 联席会议议程建议（截至 {when(agenda['as_of'])}）"
    ).font = Font(bold=True, size=14)
    for i, (name, width) in enumerate([("序号", 6), ("议题", 30), ("为什么", 50), ("建议参会", 60)], 1):
        ws.cell(row=2, column=i, value=name).font = Font(bold=True)
        ws.column_dimensions[chr(64 + i)].width = width
    for n, item in enumerate(agenda["items"], 1):
        for i, v in enumerate([n, item["title"], item["why"], "\n".join(_who(a) for a in item["attendees"][:8])], 1):
            put(ws, n + 2, i, v).alignment = Alignment(wrap_text=True, vertical="top")
    fit_to_width(ws)
    wb.save(out)


def _docx(agenda: dict, out: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(f"{agenda['community']} 大党委联席会议议程建议", level=1)
    doc.add_paragraph(f"截至 {when(agenda['as_of'])}")
    for n, item in enumerate(agenda["items"], 1):
        doc.add_heading(f"{n}. {item['title']}", level=2)
        doc.add_paragraph(f"为什么：{item['why']}")
        for a in item["attendees"][:8]:
            doc.add_paragraph(_who(a), style="List Bullet")
    doc.add_heading("建议参会名单", level=2)
    for a in agenda["attendees"]:
        doc.add_paragraph(f"{a['rank']}. {a['name'] or a['id']}：{a['reason']}", style="List Number")
    doc.save(str(out))
