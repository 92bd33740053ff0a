// spring.flyway.locations in application.properties led migsafe to src/main/resources/db/schema
def report = new File(basedir, 'target/migsafe/migsafe-report.json')
assert report.isFile() : 'no JSON report in target/migsafe'
def json = new groovy.json.JsonSlurper().parse(report)
assert json.verdict == 'NO_GO'
assert json.findings.any { it.ruleId == 'BC102' && it.file == 'src/main/resources/db/schema/V2__rename_customer_name.sql' }
assert new File(basedir, 'target/migsafe/migsafe-report.txt').text.contains('BC102')
def log = new File(basedir, 'build.log').text
assert log =~ /error +BC102 rename-column/
assert log.contains('migsafe analyze: NO-GO (blocking findings)')
