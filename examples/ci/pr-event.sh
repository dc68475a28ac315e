#!/usr/bin/env bash
# Builds the `change` event of a pull or merge request (EVENTS.md) for
# `charter eval`, from what CI knows about it:
#
#   pr-event.sh ID LABELS REVIEWS.json ROLES.json > event.json
#
# ID       the event id, e.g. PR-123
# LABELS   comma-separated labels: tier:T1..tier:T5 (default T5), security,
#          breaking, critical, leadership-approved, migration-guide, rollback-plan
# REVIEWS  the reviews as GitHub's API lists them ([{"user": {"login": "ana"},
#          "state": "APPROVED"}, ...]; a plain "user" string works too)
# ROLES    who is who: {"ana": "platform", "sam": "security"}; others are developers
#
# What the forge does not know comes from the environment:
# ERROR_BUDGET_REMAINING (percent, default 100) and NOTICE_DAYS (default 0).
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: pr-event.sh ID LABELS REVIEWS.json ROLES.json" >&2
  exit 2
fi
jq -n --arg id "$1" --arg labels "$2" --slurpfile reviews "$3" --slurpfile roles "$4" \
  --argjson budget "${ERROR_BUDGET_REMAINING:-100}" --argjson notice "${NOTICE_DAYS:-0}" '
  ($labels | split(",") | map(gsub("^ +| +$"; "")) | map(select(. != ""))) as $l
  | def labelled($name): any($l[]; . == $name);
  ($roles[0]) as $who
  | {kind: "change", id: $id,
     tier: ([$l[] | select(startswith("tier:")) | ltrimstr("tier:")] | first // "T5"),
     security_sensitive: labelled("security"),
     breaking: labelled("breaking"),
     critical: labelled("critical"),
     error_budget_remaining: $budget,
     rfc: null,
     reviews: [$reviews[0][]
               | (if (.user | type) == "object" then .user.login else .user end) as $user
               | {user: $user, role: ($who[$user] // "developer"), state: (.state | ascii_downcase)}
               | select(.state == "approved" or .state == "changes_requested" or .state == "commented")],
     ballots: [], vetoes: [],
     leadership_approval: labelled("leadership-approved"),
     notice_days: $notice,
     migration_guide: labelled("migration-guide"),
     rollback_plan: labelled("rollback-plan"),
     emergency: null}'
