// Progress on a day: a key result's progress (0..1) with `value`, its value on `day` (@value_on). A null `day`
// means today: the stored progress. Otherwise the rule of graph/core/progress.py's key_result_progress (a test
// keeps the two in step), except that a METRIC or KBI with no value by then has no progress (null, not 0):
//   MILESTONE         1 when done, else 0 (done as stored: milestones keep no history)
//   STAY_AT_OR_ABOVE  1 when value >= target, else 0;  STAY_AT_OR_BELOW  1 when value <= target, else 0
//   otherwise         (value - baseline) / (target - baseline), clamped to 0..1; null without a baseline,
//                     or when target = baseline
// Used as @progress_on(k, $valuesOn, value).
// :arg kr
// :arg day
// :arg value
CASE
  WHEN day IS NULL THEN kr.progress
  WHEN kr.kind = "MILESTONE" THEN CASE WHEN kr.done THEN 1.0 ELSE 0.0 END
  WHEN kr.target IS NULL OR value IS NULL THEN null
  WHEN kr.direction = "STAY_AT_OR_ABOVE" THEN CASE WHEN value >= kr.target THEN 1.0 ELSE 0.0 END
  WHEN kr.direction = "STAY_AT_OR_BELOW" THEN CASE WHEN value <= kr.target THEN 1.0 ELSE 0.0 END
  WHEN kr.baseline IS NULL OR kr.target = kr.baseline THEN null
  ELSE CASE
    WHEN (value / 2 - kr.baseline / 2) / (kr.target / 2 - kr.baseline / 2) > 1.0 THEN 1.0
    WHEN (value / 2 - kr.baseline / 2) / (kr.target / 2 - kr.baseline / 2) < 0.0 THEN 0.0
    ELSE (value / 2 - kr.baseline / 2) / (kr.target / 2 - kr.baseline / 2)
  END
END
