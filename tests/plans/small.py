"""A small plan, as the README shows it, to change one thing at a time in tests."""

SMALL = """\
organisation:
  id: org-acme
  name: Acme
  vision: Everyone can start in minutes.
teams:
  - {id: acme, name: Acme, kind: COMPANY}
  - {id: acme-digital, name: Digital, kind: BUSINESS_UNIT, parentId: acme}
  - {id: acme-web, name: Web, kind: TEAM, parentId: acme-digital}
  - {id: acme-id, name: Identity, kind: TEAM, parentId: acme-digital}
cycles:
  - {id: acme-2026, name: "2026", kind: YEAR, startDate: 2026-01-01, endDate: 2026-12-31}
  - {id: acme-2026-q1, name: Q1 2026, kind: QUARTER, startDate: 2026-01-01, endDate: 2026-03-31, parentId: acme-2026}
priorities:
  - {id: acme-onboarding, title: Simplify onboarding, cycleId: acme-2026}
objectives:
  - id: acme-digital-first-week
    title: Delight new customers in their first week
    tier: STRATEGIC
    ownerId: acme-digital
    cycleId: acme-2026
    keyResults:
      - {id: acme-drop-off, title: First-week drop-off from 40% to 30%, direction: DECREASE, unit: "%", baseline: 40, target: 30, current: 38}
  - id: acme-web-q1
    title: Make sign-up seamless
    tier: TEAM
    ownerId: acme-web
    cycleId: acme-2026-q1
    keyResults:
      - {id: acme-completion, title: Sign-up completion from 65% to 90%, direction: INCREASE, unit: "%", baseline: 65, target: 90, current: 70}
  - id: acme-id-q1
    title: Verify identities instantly
    tier: TEAM
    ownerId: acme-id
    cycleId: acme-2026-q1
    keyResults:
      - {id: acme-instant, title: Instant checks for 80% of sign-ups, direction: INCREASE, unit: "%", baseline: 10, target: 80}
contributions:
  - {childId: acme-web-q1, parentId: acme-digital-first-week}
supports:
  - {objectiveId: acme-digital-first-week, priorityId: acme-onboarding}
dependencies:
  - {fromId: acme-web-q1, toId: acme-instant, note: Sign-up waits for instant identity checks.}
"""
