// The schema version of the modforge database. Every persistent class header includes this
// file first so that the whole model (compiled --at-once) carries one version.
//
// To change the schema: bump the current version (the second number), edit the classes, run
// `make schema` and commit odb/modforge.xml (the changelog) and sql/ together.
#pragma once

#pragma db model version(1, 3)
