"""Version numbers of the app and of the plan file format."""

APP_NAME = "Smarketing Planner"
APP_VERSION = "0.1.0"

# PRAGMA application_id of every plan file: the ASCII bytes "SmPl" (0x536D506C), so `file`
# and a hex dump tell a plan from any other SQLite database.
APPLICATION_ID = 0x536D506C

PLAN_SUFFIX = ".smplan"
