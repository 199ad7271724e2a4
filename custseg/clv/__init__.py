"""Customer lifetime value (客户终身价值, CLV) and "buy till you die" (BTYD) models.

* :func:`summary_from_transactions`: frequency / recency / T / monetary value per customer;
* :class:`BetaGeoModel` (BG/NBD) and :class:`ParetoNBDModel`: how many purchases a customer
  will make and the probability they are still active;
* :class:`GammaGammaModel`: expected spend per purchase, and the discounted CLV;
* :func:`historic_clv`: what each customer has been worth so far.

The three models share one base class, :class:`~custseg.clv.base.CLVModel`. Every model fits
on a summary in any time unit (the estimates are rescaled inside the fit), remembers the
summary's unit (``summary.attrs["time_unit"]``) and refuses another; it takes
``fit(summary, weights=)`` for rows standing for several identical customers;
``model.fit_summary()`` gives the estimates with standard errors and 95 % intervals, and
``model.save(path)`` / ``Model.load(path)`` keep it as JSON. BG/NBD and Pareto/NBD give a
``probability_alive_matrix()`` (drawn by :func:`custseg.plotting.clv.plot_probability_alive_matrix`).

Examples
--------
>>> import pandas as pd
>>> from custseg.clv import BetaGeoModel, summary_from_transactions
>>> tx = pd.DataFrame({
...     "customer_id": [1, 1, 2, 3, 3, 3],
...     "invoice_date": pd.to_datetime(
...         ["2024-01-01", "2024-02-01", "2024-01-05", "2024-01-02", "2024-01-20", "2024-03-01"]
...     ),
...     "amount": [10.0, 12.0, 5.0, 8.0, 9.0, 11.0],
... })
>>> summary = summary_from_transactions(tx, calibration_end="2024-03-31")
>>> summary["frequency"].tolist()
[1, 0, 2]
"""

from custseg.clv.base import CLVModel
from custseg.clv.beta_geo import BetaGeoModel
from custseg.clv.gamma_gamma import GammaGammaModel
from custseg.clv.historic import historic_clv
from custseg.clv.pareto_nbd import ParetoNBDModel
from custseg.clv.summary import summary_from_transactions

__all__ = [
    "BetaGeoModel",
    "CLVModel",
    "GammaGammaModel",
    "ParetoNBDModel",
    "historic_clv",
    "summary_from_transactions",
]
