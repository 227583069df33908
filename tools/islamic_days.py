"""Write buurtkaart_build/data/islamitische_feestdagen.json: Ramadan, Suikerfeest and Offerfeest.

The dates come from the Umm al-Qura calendar as computed by the ``hijridate`` package (a test
dependency, pinned). Dutch mosques often follow the sighting of the moon or the Diyanet calendar,
so a date may differ by a day; the agenda says so next to these days.

Run: ``python tools/islamic_days.py > buurtkaart_build/data/islamitische_feestdagen.json``
(tests/test_agenda.py checks that the committed file equals this script's output).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib.metadata import version

from hijridate import Hijri

FIRST_HIJRI_YEAR = 1447  # Ramadan 1447 starts in February 2026
LAST_HIJRI_YEAR = 1460  # Offerfeest 1460 falls in January 2039


def table() -> dict:
    years = []
    for year in range(FIRST_HIJRI_YEAR, LAST_HIJRI_YEAR + 1):
        shawwal = Hijri(year, 10, 1).to_gregorian()
        years.append(
            {
                "hidjra_jaar": year,
                "ramadan_begin": Hijri(year, 9, 1).to_gregorian().isoformat(),
                "ramadan_einde": (dt.date(*shawwal.datetuple()) - dt.timedelta(days=1)).isoformat(),
                "suikerfeest": shawwal.isoformat(),
                "offerfeest": Hijri(year, 12, 10).to_gregorian().isoformat(),
            }
        )
    return {
        "bron": f"Umm al-Qura-kalender, berekend met het Python-pakket hijridate {version('hijridate')}",
        "opmerking": "Moskeeën in Nederland volgen vaak de maan of de Diyanet-kalender: "
        "de datum kan een dag verschillen. Vraag het na bij de moskee.",
        "jaren": years,
    }


if __name__ == "__main__":
    print(json.dumps(table(), ensure_ascii=False, indent=2))
