.PHONY: run test bench bench-quick lint format migrate demo clean

run:  ## Set up everything and run the site with the demo library on http://127.0.0.1:8000/
	scripts/run.sh

test:  ## Set up and run checks, lint and the whole test suite (PostgreSQL + S3 endpoint)
	scripts/test.sh

bench:  ## The benchmark set on 250,000 records (docs/performance.md); not part of `make test`
	scripts/bench.sh

bench-quick:  ## The short benchmark set on 10,000 records (a few minutes once seeded)
	scripts/bench.sh --quick

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djhtml --check templates

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	.venv/bin/djhtml templates

migrate:
	.venv/bin/python manage.py migrate

demo:
	.venv/bin/python manage.py load_demo

clean:
	rm -rf .venv db.sqlite3 media private-media static_collected var
