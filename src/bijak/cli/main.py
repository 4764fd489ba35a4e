"""Entry point of the ``bijak`` command.

Each subcommand lives in its own module and is registered here; a module that fails to import
is a bug, not an optional feature, so imports are not guarded.
"""

from __future__ import annotations

import typer

from bijak.cli import audit, benchmark, check, demo, policy, scan, serve, site, token, train
from bijak.cli import campaign as campaign_cmd
from bijak.cli import case as case_cmd
from bijak.cli import eval as eval_cmd
from bijak.cli import monitoring as monitoring_cmd

app = typer.Typer(
    name="bijak",
    help="bijak — cek unggahan media sosial terhadap tata tertib instansi (SE Menkes HK.02.02/III/2438/2018).",
    no_args_is_help=True,
    add_completion=False,
)

app.add_typer(policy.app, name="policy")
app.add_typer(benchmark.app, name="benchmark")
app.add_typer(token.app, name="token")
app.add_typer(audit.app, name="audit")
app.add_typer(campaign_cmd.app, name="campaign")
app.add_typer(case_cmd.app, name="case")
app.add_typer(monitoring_cmd.account_app, name="account")
app.add_typer(monitoring_cmd.review_app, name="review")
app.command("import-posts")(monitoring_cmd.import_posts)
app.command("export-reviews")(monitoring_cmd.export_reviews)
app.command("check")(check.check)
app.command("scan")(scan.scan)
app.command("train")(train.train)
app.command("eval")(eval_cmd.eval_command)
app.command("serve")(serve.serve)
app.command("demo")(demo.demo)
app.command("manage", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(
    site.manage
)


if __name__ == "__main__":  # pragma: no cover
    app()
