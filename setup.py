"""Build step: ship the top-level ``ontology/`` inside the package as ``kg/ontology``.

Everything else is in pyproject.toml. An editable install reads ``ontology/`` in place, so the
copy is made for wheels only; ``kg.gazetteer.ontology_dir`` finds either.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithOntology(build_py):
    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / "kg" / "ontology"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(Path(__file__).resolve().parent / "ontology", target)


setup(cmdclass={"build_py": BuildPyWithOntology})
