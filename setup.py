"""Build hook: the wheel carries the top-level `rules/` and `corpora/` folders as `compliance/_bundled/`.

Everything else about the package is in pyproject.toml. The folders stay where they are in the checkout
(that is where people edit them); `compliance.bundled` finds them in either place.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = ("rules", "corpora")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        for name in DATA:
            self.copy_tree(str(HERE / name), str(Path(self.build_lib) / "compliance" / "_bundled" / name))


setup(cmdclass={"build_py": BuildPyWithData})
