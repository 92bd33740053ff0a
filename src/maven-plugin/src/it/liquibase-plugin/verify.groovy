// liquibase-maven-plugin's <changeLogFile> is the history migsafe read
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migsafe/migsafe-report.json'))
assert json.verdict == 'NO_GO'
assert json.findings.any { it.ruleId == 'BC103' && it.file == 'src/main/resources/liquibase/master.xml' && it.object == 'invoice' }
assert new File(basedir, 'build.log').text.contains('migsafe analyze: NO-GO (blocking findings)')
