"""Old name of :mod:`custseg.dimensions.behavioral` (旧模块名，请改用 behavioral).

Importing this module still works and gives the same objects, with a DeprecationWarning.
"""

from custseg.deprecation import warn_renamed
from custseg.dimensions.behavioral import PURCHASE_STYLES as PURCHASE_STYLES
from custseg.dimensions.behavioral import purchase_style_table as purchase_style_table
from custseg.dimensions.behavioral import purchase_styles as purchase_styles

warn_renamed("custseg.dimensions.behavioural", "custseg.dimensions.behavioral")
