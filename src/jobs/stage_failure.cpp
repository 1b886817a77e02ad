// The worker's retry-or-fail decision.
#include "stage_failure.hpp"

#include <system_error>

#include <odb/exceptions.hxx>

#include "../common/domain_error.hpp"
#include "../generator/analyser.hpp"
#include "../generator/decisions.hpp"

namespace modforge
{
  stage_failure judge_stage_failure (std::exception_ptr e)
  {
    stage_failure f;
    try
    {
      std::rethrow_exception (e);
    }
    catch (const domain_error& x)
    {
      f.retry_later = x.kind == error_kind::unavailable;
      f.error = x.what ();
      f.log = x.what ();
    }
    catch (const odb::exception&)
    {
      f.retry_later = true;
    }
    catch (const analyser_failure& x)
    {
      // The owner reads a plain sentence; the operator, what the command did.
      f.error = x.what ();
      f.log = x.detail ();
    }
    catch (const generator_error& x)
    {
      f.error = x.what ();
    }
    catch (const std::system_error& x)
    {
      // The owner learns the cause ("No space left on device"), not the server's paths.
      f.error = "Could not write the job's files: " + x.code ().message ();
      f.log = x.what ();
    }
    catch (const std::exception& x)
    {
      f.error = std::string ("Could not write the job's files: ") + x.what ();
      f.log = x.what ();
    }
    catch (...)
    {
      f.retry_later = true;
    }
    return f;
  }
}
