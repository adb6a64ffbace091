"""The synthetic data of `manage.py bench_data`, by purpose.

- reference.py: states, councils, organizations and topics (the demo data's slugs and names),
  looked up or created;
- words.py: names, themes, sentences and titles, the weighted choices, text helpers;
- generator.py: what one run shares (the seeded random numbers, ids, drafts, people, dates,
  sentences);
- candidacies.py, meetings.py (with delegations), statements.py: the bulk rows;
- writer.py: how rows are written (COPY on PostgreSQL, executemany elsewhere).
"""
