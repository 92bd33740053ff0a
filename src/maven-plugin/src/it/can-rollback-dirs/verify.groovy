// can-rollback wrote its reports in the formats asked for, and its NO-GO failed the build
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migsafe/migsafe-report.json'))
assert json.command == 'can-rollback'
assert json.verdict == 'NO_GO'
assert json.findings.any { it.ruleId == 'BC105' }
assert new File(basedir, 'target/migsafe/migsafe-report.md').isFile()
assert new File(basedir, 'build.log').text.contains('migsafe can-rollback: NO-GO (blocking findings)')
