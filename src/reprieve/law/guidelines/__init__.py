"""The Sentencing Guidelines: one module per guideline section, each with its dated, cited data beside it.

| citation | module |
|---|---|
| Ch. 5 Pt. A (Sentencing Table, zones, criminal history categories) | `sentencing_table` |
| §5G1.1, §5G1.2 (statutory limits on the range) | `statutory_limits` |
| §2D1.1(c) (Drug Quantity Table and its notes) | `drug_quantity` |
| §2D1.1 comment. n.8 (converted drug weight, combining substances, caps) | `converted_drug_weight` |
| §2D1.1(a), (b) (base level overrides, weapon, violence, safety valve, mitigating-role cap) | `drug_offense` |
| §3E1.1 (acceptance of responsibility) | `acceptance` |
| §4A1.1 (criminal history points, status points) | `criminal_history` |
| §4B1.1 (career offender, incl. (c)) | `career_offender` |
| §4C1.1 (zero-point offenders) | `zero_point_offender` |
| §1B1.10 (retroactive amendments and the limits of a reduction) | `retroactive_amendments` |

Every rule is a small function of the facts and a date; the numbers are in the YAML files.
"""
