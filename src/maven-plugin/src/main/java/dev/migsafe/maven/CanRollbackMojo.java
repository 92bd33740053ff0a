package dev.migsafe.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;

/** {@code migsafe can-rollback FROM TO}: GO / NO-GO for going back from FROM to TO; NO-GO fails the build. */
@Mojo(name = "can-rollback", threadSafe = true)
public class CanRollbackMojo extends ReleasesMojo {

    @Override
    protected String command() {
        return "can-rollback";
    }

    @Override
    protected List<String> commandArguments() {
        return releaseArguments();
    }
}
