# Sourced by scripts/test: "PASSED FAILED SKIPPED" of a JUnit XML report (Vitest's, Playwright's), summed over its
# test suites; a report that is missing or unreadable prints nothing.
junit_counts() {
  [ -f "$1" ] || return 0
  python3 - "$1" <<'PY' 2>/dev/null || true
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.iter("testsuite")
tests = failed = skipped = 0
for suite in suites:
    tests += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(tests - failed - skipped, failed, skipped)
PY
}
