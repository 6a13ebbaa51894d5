"""The closed lists of values the curated sources may hold for indicators and targets (checked by the build,
read by the indicators' logic)."""

DESIRED_DIRECTIONS = ("up", "down", "towards_zero", "none")  # none: the documents do not say which way is better
THRESHOLD_KINDS = ("points", "percent")  # a meaningful change in percentage points, or in % of the value
TARGET_KINDS = ("numeric_target", "milestone", "commitment")  # commitment: stated without a figure or date
