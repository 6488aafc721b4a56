from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "var" / "test-data" / "pymarc"


@pytest.fixture
def pymarc_file():
    """A file of pymarc's test/ folder (fetched by scripts/fetch-test-data.sh)."""

    def get(name):
        path = DATA / "test" / name
        if not path.exists():
            pytest.fail(f"{path} is missing: run scripts/fetch-test-data.sh")
        return str(path)

    return get
