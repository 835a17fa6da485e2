"""Invented words for bench/unseen_minutes.py: councils, people, item titles, discussion, decisions.

Nothing here is taken from a real paper; names are common first names and surnames put together.
"""
from __future__ import annotations

BODIES = ["Westbury District Council", "Harrowfield Borough Council", "Kellington Town Council",
          "Ashcombe County Council", "Mardale Shire Council", "Port Alder City Council"]
COMMITTEES = ["Environment and Transport Committee", "Audit and Governance Committee", "Licensing Sub-Committee",
              "Health and Wellbeing Board", "Finance and Resources Committee", "Children's Services Scrutiny Panel",
              "Planning Committee", "Community Safety Partnership Board", "Housing Scrutiny Committee",
              "Parks and Leisure Committee", "Corporate Policy Committee", "Economic Development Panel"]
VENUES = ["the Council Chamber, Civic Centre", "Committee Room 2, Town Hall", "the Guildhall, Market Square",
          "Meeting Room 1, Riverside House", "the Assembly Rooms, High Street", "the Jubilee Hall"]
TIMES = [("10:00", "10.00 am"), ("14:00", "2.00 pm"), ("18:30", "6.30 pm"), ("19:00", "7.00 pm"), ("09:30", "9.30 am")]
FIRST = ["Alan", "Beth", "Carl", "Diane", "Edward", "Fiona", "Graham", "Helen", "Imran", "Julia", "Kevin", "Linda",
         "Martin", "Nadia", "Owen", "Patricia", "Rashid", "Sarah", "Trevor", "Una", "Victor", "Wendy", "Yusuf", "Zoe",
         "Gareth", "Moira", "Declan", "Priya", "Stuart", "Hannah"]
SURNAMES = ["Ashworth", "Bramley", "Cartwright", "Dunmore", "Ellery", "Fairbairn", "Gillard", "Hebden", "Ingram",
            "Jessop", "Kershaw", "Lowther", "Maddox", "Northcott", "Oakley", "Pendry", "Quayle", "Radcliffe",
            "Sefton", "Thwaite", "Underhill", "Varley", "Whitlock", "Yardley", "Calder", "Penrose", "Okafor",
            "Brennan", "Rahman", "Lindqvist"]
ROLES = ["Democratic Services Officer", "Head of Finance", "Director of Place", "Senior Planning Officer",
         "Monitoring Officer", "Environmental Health Manager", "Committee Clerk", "Head of Housing",
         "Assistant Director, Communities", "Legal Adviser"]
OPENING_ITEMS = [("Apologies for Absence", "apologies"), ("Declarations of Interest", "interests"),
                 ("Minutes of the Previous Meeting", "minutes")]
TOPICS = ["Budget Monitoring Report Quarter 2", "Parks and Open Spaces Strategy", "Highways Maintenance Programme",
          "Allotment Rents Review", "Community Grants Scheme", "Street Lighting Upgrade",
          "Public Toilets Provision", "Climate Action Plan Update", "Car Parking Charges",
          "Internal Audit Progress Report", "Risk Management Framework", "Local Cycling and Walking Plan",
          "Housing Allocations Policy", "Leisure Centre Contract", "Cemetery Extension Proposals",
          "Town Centre Events Programme", "Fees and Charges Review", "Corporate Complaints Annual Report"]
CLOSING_ITEMS = ["Work Programme", "Date of Next Meeting"]
DISCUSSION = [
    "The {role} introduced the report, which set out the progress made since the last meeting and the main risks to delivery in the coming year.",
    "Members discussed the proposals in detail and raised concerns about the cost of the scheme and the timetable for consultation with residents.",
    "In response to a question, the {role} explained that the figures in the appendix had been updated following the latest budget forecast.",
    "A member asked whether the scheme had been compared with those of neighbouring authorities; officers confirmed that a comparison had been made.",
    "The Committee noted that the consultation had received over four hundred responses, most of them in favour of the proposed changes.",
    "Concern was expressed about the condition of the paths in several wards, and the {role} agreed that these were a priority for next year.",
    "It was noted that the grant funding was subject to conditions set by the funding body and that the deadline for spending was the end of March.",
    "Members welcomed the report and thanked the staff involved for their work over a difficult period.",
]
SUBJECTS = ["the report", "the updated strategy", "the revised programme", "the proposed charges", "the action plan",
            "the recommendations of the working group", "the draft policy", "the progress report"]
OUTCOMES = ["be noted", "be approved", "be endorsed for consultation", "be referred to the Cabinet for decision",
            "be adopted with immediate effect", "be received"]
EXTRA_PARTS = ["the {role} be authorised to finalise the detailed arrangements",
               "a further report be brought to the next meeting",
               "the comments of the Committee be passed to the portfolio holder",
               "the budget of £{money},000 be allocated from the reserve",
               "officers write to the county council setting out the concerns raised"]
TASKS = ["circulate the revised figures to all members", "write to the county council about the road closures",
         "arrange a site visit for members of the Committee", "report back on the results of the consultation",
         "update the risk register before the next meeting", "contact the contractor about the delays",
         "publish the approved policy on the council website", "obtain three quotes for the repairs"]
PUBLIC_ITEM = "No questions had been received from members of the public."
WARDS = ["Northgate", "Abbey", "Castle", "Riverside", "Hillfoot", "Market", "St Mary's", "Westfield", "Brookside",
         "Priory", "Moorland", "Harbour"]
