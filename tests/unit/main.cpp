// Runs every registered CppUnit test and ends with the line "N passed, N failed".
#include <iostream>

#include <cppunit/Exception.h>
#include <cppunit/SourceLine.h>
#include <cppunit/TestFailure.h>
#include <cppunit/TestListener.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

namespace
{
  // Prints one line per test and counts them, so that the test command can add the figures up.
  class counting_listener: public CppUnit::TestListener
  {
  public:
    void startTest (CppUnit::Test*) override {failed_now_ = false;}

    void addFailure (const CppUnit::TestFailure& f) override
    {
      failed_now_ = true;
      std::cout << "FAIL " << f.failedTestName () << "\n     "
                << f.sourceLine ().fileName () << ":" << f.sourceLine ().lineNumber () << ": "
                << f.thrownException ()->what () << std::endl;
    }

    void endTest (CppUnit::Test* t) override
    {
      if (failed_now_)
        ++failed_;
      else
      {
        ++passed_;
        std::cout << "ok   " << t->getName () << std::endl;
      }
    }

    int passed_ = 0, failed_ = 0;

  private:
    bool failed_now_ = false;
  };
}

int main ()
{
  CppUnit::TestResult result;
  counting_listener listener;
  result.addListener (&listener);

  CppUnit::TestRunner runner;
  runner.addTest (CppUnit::TestFactoryRegistry::getRegistry ().makeTest ());
  runner.run (result);

  std::cout << listener.passed_ << " passed, " << listener.failed_ << " failed" << std::endl;
  return listener.failed_ == 0 && listener.passed_ > 0 ? 0 : 1;
}
