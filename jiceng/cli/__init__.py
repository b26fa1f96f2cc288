"""The ``jiceng`` command: the contract other tools and operators call.

jiceng demo [--scale small|full] [--no-serve] [--seed N]
jiceng serve [--host H] [--port P] [--workers N] [--threads N] [--access-log FILE]
jiceng worker
jiceng notices drain [--loop] | digest | templates
jiceng import-divisions FILE [--scope CODE]
jiceng setup-units CODE
jiceng onboard-county CODE --workbook FILE.xlsx | --template FILE.xlsx
jiceng sweep
jiceng verify-history [--anchor FILE] [--files]
jiceng anchor [--output FILE]
jiceng partitions ensure [--months-ahead N] [--from YYYY-MM] | detach YYYY-MM | list   (PostgreSQL)
jiceng apikey create --name N --role R --jurisdiction CODE | revoke --name N
jiceng policies match [--policy CODE] [--division CODE] [--format json|text]
jiceng calendar import FILE | show [--year Y]
jiceng manage ...            (Django's management commands)
jiceng textmining ...        (see jiceng textmining --help)
jiceng hot-issues [--month YYYY-MM] [--county CODE]
jiceng rollups rebuild [--area CODE] [--month YYYY-MM] | refresh | check [--as-stored]
jiceng textmining retrain [--output PATH]   (category model from confirmed categories)
jiceng backup [--output FILE] [--with-media]
jiceng restore FILE [--with-media] [--ignore-key-mismatch]
jiceng keys rotate | reencrypt | check
jiceng config docs [--check] [--output FILE]
"""

from jiceng.cli.parser import main as main
