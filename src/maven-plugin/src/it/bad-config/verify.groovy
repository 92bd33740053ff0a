// exit 2 (bad input) is a build error carrying migsafe's one line, with no report and no stack trace of migsafe's
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] Failed to execute goal dev.migsafe:migsafe-maven-plugin")
assert log =~ /migsafe: \S*migsafe.yaml:2: unknown key 'rulez'/
assert !log.contains('NO-GO')
assert !new File(basedir, 'target/migsafe/migsafe-report.json').exists()
