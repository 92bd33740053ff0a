package dev.migsafe.verify;

import org.testcontainers.DockerClientFactory;

/**
 * Images for the Docker tests: MIGSAFE_*_IMAGE when set (CI, see .ci/run), else the images the
 * offline recipe builds when this Docker has them, else the official ones.
 */
final class TestImages {

    private TestImages() {
    }

    static VerifySettings settings() {
        return VerifySettings.defaults().withImages(
                pick("MIGSAFE_POSTGRES_IMAGE", "local/postgres:15", VerifySettings.DEFAULT_POSTGRES_IMAGE),
                pick("MIGSAFE_MYSQL_IMAGE", null, VerifySettings.DEFAULT_MYSQL_IMAGE),
                pick("MIGSAFE_MARIADB_IMAGE", "local/mariadb:10.11", VerifySettings.DEFAULT_MARIADB_IMAGE));
    }

    private static String pick(String env, String local, String official) {
        String value = System.getenv(env);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return local != null && present(local) ? local : official;
    }

    private static boolean present(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
