"""What a court already decided in the case (case-file `rulings`), which reprieve takes as settled: exhaustion
satisfied, a covered offense under First Step Act section 404, a resentencing or reduction (the term now in force),
and earlier motions granted or denied."""

from __future__ import annotations

from datetime import date

from reprieve.case.model import Case, Ruling, RulingKind


def of_kind(case: Case, kind: RulingKind, *, judgment: int | None = None, count: str | None = None,
            avenue: str | None = None) -> list[Ruling]:
    """The rulings of `kind` that reach the judgment and count named (a ruling naming neither reaches all)."""
    out = []
    for ruling in case.rulings:
        if ruling.kind != kind:
            continue
        if judgment is not None and (ruling.judgment or 0) != judgment:
            continue
        if count is not None and ruling.count is not None and ruling.count != count:
            continue
        if avenue is not None and ruling.avenue not in (None, avenue):
            continue
        out.append(ruling)
    return out


def with_rulings(case: Case) -> Case:
    """The case with the term now in force: each resentencing or reduction ('resentenced' with new_months) replaces
    the term it names - a count's, or the judgment's total - the latest ruling last."""
    changes = [r for r in case.rulings if r.kind == "resentenced" and r.new_months is not None]
    if not changes:
        return case
    changes.sort(key=lambda r: r.on.earliest if r.on else date.min)  # undated: in the order listed, first
    judgments = [j.model_copy(update={"counts": [c.model_copy() for c in j.counts]}) for j in case.judgments]
    for ruling in changes:
        index = ruling.judgment or 0
        if index >= len(judgments):
            continue
        judgment = judgments[index]
        target = next((c for c in judgment.counts if ruling.count is not None and c.count == ruling.count), None)
        if target is not None:
            target.months, target.days, target.life = ruling.new_months, None, None
        else:
            judgment.total_months, judgment.total_days, judgment.total_life = ruling.new_months, None, None
    return case.model_copy(update={"judgments": judgments})
