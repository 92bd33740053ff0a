// flyway-maven-plugin's <locations>, <table> and <placeholders> reached migsafe through the configuration the plugin generated
def config = new File(basedir, 'target/migsafe/migsafe.yaml')
assert config.isFile() : 'no generated migsafe.yaml'
def yaml = config.text
assert yaml.contains('path: "sql/orders"') && yaml.contains('format: "flyway"')
assert yaml.contains('table: "orders_schema_history"') && yaml.contains('owner: "orders_app"')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/migsafe/migsafe-report.json'))
assert json.verdict == 'NO_GO'
assert json.findings.any { it.ruleId == 'BC104' && it.file == 'sql/orders/V2__drop_comment.sql' && it.line == 1 }
assert new File(basedir, 'build.log').text.contains('migsafe analyze: NO-GO (blocking findings)')
