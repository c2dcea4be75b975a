"""The README's Python examples are real: run them as doctests."""
import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_examples_run_as_written():
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_package_docstring_example_runs():
    import flashpoint

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(flashpoint, "flashpoint", globs={}):
        if test.name == "flashpoint":
            runner.run(test)
    assert runner.tries > 0 and runner.failures == 0
