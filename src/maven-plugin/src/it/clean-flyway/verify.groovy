// safe migrations: the build passed (invoker checks that) and the report says GO, with the migrations read
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migsafe/migsafe-report.json'))
assert json.verdict == 'GO'
assert json.migrations.size() == 2
assert json.findings.every { it.severity != 'error' }
