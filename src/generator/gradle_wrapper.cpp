// The wrapper's files.
#include "gradle_wrapper.hpp"

// ld -r -b binary names these after the file it embeds (the Makefile's gradle-wrapper-jar.o).
extern "C" const char _binary_gradle_wrapper_jar_start[];
extern "C" const char _binary_gradle_wrapper_jar_end[];

namespace modforge
{
  const char* const gradle_version = "8.7";
  // Cross-checked in two public sources: the official Docker image's build (keeganwitt/
  // docker-gradle, GRADLE_DOWNLOAD_SHA256 for 8.7) and cashapp/hermit-packages' gradle.hcl.
  const char* const gradle_distribution_sha256 =
    "544c35d6bd849ae8a5ed0bcea39ba677dc40f49df7d1835561582da2009b961d";

  std::string gradle_wrapper_jar ()
  {
    return std::string (_binary_gradle_wrapper_jar_start,
                        _binary_gradle_wrapper_jar_end - _binary_gradle_wrapper_jar_start);
  }

  std::string gradle_wrapper_properties ()
  {
    return std::string (
      "distributionBase=GRADLE_USER_HOME\n"
      "distributionPath=wrapper/dists\n"
      "distributionUrl=https\\://services.gradle.org/distributions/gradle-") + gradle_version +
      "-bin.zip\n"
      "distributionSha256Sum=" + gradle_distribution_sha256 + "\n"
      "zipStoreBase=GRADLE_USER_HOME\n"
      "zipStorePath=wrapper/dists\n";
  }

  std::string gradlew_script ()
  {
    return
      "#!/bin/sh\n"
      "# Builds the mod with the Gradle release named in gradle/wrapper/gradle-wrapper.properties:\n"
      "# the wrapper downloads it once (into ~/.gradle, or $GRADLE_USER_HOME), checks its SHA-256,\n"
      "# then runs it with these arguments, e.g. ./gradlew build. Needs Java 17 or later: java on the\n"
      "# PATH, or JAVA_HOME. JAVA_OPTS and GRADLE_OPTS are passed to java, split at spaces.\n"
      "here=$(cd \"$(dirname \"$0\")\" && pwd -P) || exit 1\n"
      "if [ -n \"${JAVA_HOME:-}\" ]; then\n"
      "    java=$JAVA_HOME/bin/java\n"
      "else\n"
      "    java=java\n"
      "fi\n"
      "if ! command -v \"$java\" >/dev/null 2>&1; then\n"
      "    echo \"gradlew: no java found: install Java 17 or later, or set JAVA_HOME\" >&2\n"
      "    exit 1\n"
      "fi\n"
      "# shellcheck disable=SC2086\n"
      "exec \"$java\" ${JAVA_OPTS:-} ${GRADLE_OPTS:-} -Dorg.gradle.appname=gradlew \\\n"
      "    -classpath \"$here/gradle/wrapper/gradle-wrapper.jar\" org.gradle.wrapper.GradleWrapperMain \"$@\"\n";
  }

  std::string gradlew_bat_script ()
  {
    return
      "@rem Builds the mod with the Gradle release named in gradle\\wrapper\\gradle-wrapper.properties\r\n"
      "@rem (see gradlew). Needs Java 17 or later: java on the PATH, or JAVA_HOME.\r\n"
      "@echo off\r\n"
      "setlocal\r\n"
      "set HERE=%~dp0\r\n"
      "set JAVA_EXE=java.exe\r\n"
      "if defined JAVA_HOME set JAVA_EXE=%JAVA_HOME%\\bin\\java.exe\r\n"
      "\"%JAVA_EXE%\" %JAVA_OPTS% %GRADLE_OPTS% -Dorg.gradle.appname=gradlew -classpath "
      "\"%HERE%gradle\\wrapper\\gradle-wrapper.jar\" org.gradle.wrapper.GradleWrapperMain %*\r\n"
      "exit /b %ERRORLEVEL%\r\n";
  }
}
