"""Every table of the schema, as migrations.py builds them (a test checks the two agree).

The classes live where they are used: ``response_tables.py`` holds what a response is
read from (questionnaire, response, answer), which every command reads;
``revision_tables.py`` the kept revisions and ``collaboration_tables.py`` the
contributions and presence, which a command listing responses never loads.  Import this module for every table at once (the copy between
databases, the schema tests): it registers them all in ``SQLModel.metadata``.  A schema
change edits the class in its module and appends a step to ``migrations.STEPS``.
"""

from consultdesk.storage.collaboration_tables import AssignmentRow as AssignmentRow
from consultdesk.storage.collaboration_tables import AttributionRow as AttributionRow
from consultdesk.storage.collaboration_tables import ContributionRow as ContributionRow
from consultdesk.storage.collaboration_tables import ContributorRow as ContributorRow
from consultdesk.storage.collaboration_tables import PresenceRow as PresenceRow
from consultdesk.storage.response_tables import AnswerRow as AnswerRow
from consultdesk.storage.response_tables import QuestionnaireRow as QuestionnaireRow
from consultdesk.storage.response_tables import ResponseRow as ResponseRow
from consultdesk.storage.revision_tables import RevisionRow as RevisionRow
