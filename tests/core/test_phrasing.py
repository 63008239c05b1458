# ruff: noqa: E501  (a table: one note line and what it becomes per row, easier to read unwrapped)
"""Note lines to words said to the person: the table of note shapes and what each becomes.

Each row is a line of the kind people type during an interview (lowercase shorthand, typos,
third person, labels, logistics, verdicts) and the phrase the draft must use; `frames` then
puts the phrase in a sentence whose shape fits it (a clause after "hearing that", a topic after
"our conversation about").
"""

from __future__ import annotations

import re

import pytest

from followup.core import frames
from followup.core.note_kinds import (
    PRIVATE_WORDS,
    is_descriptor,
    is_logistics,
    is_personal,
    is_self_assessment,
)
from followup.core.own_lines import contribution_phrase, question_topic
from followup.core.phrasing import Phrase, Shape, rephrase, to_you
from followup.core.shorthand import clean

POINT_LINES = [  # note line -> (shape, phrase said to the person)
    ('runs the platform team, 6 engineers, was at Stripe before', 'clause', 'you run the platform team of 6 engineers'),
    ('Runs the platform team', 'clause', 'you run the platform team'),
    ('migrating ingestion from nightly cron batches to Kafka streams this quarter', 'clause', "you're migrating the ingestion from nightly cron batches to Kafka streams this quarter"),
    ('cares a lot about on-call health: cut pages by half last year', 'clause', 'you care a lot about on-call health'),
    ("they're moving from PostgreSQL to TimescaleDB for the readings tables", 'clause', "you're moving from PostgreSQL to TimescaleDB for the readings tables"),
    ('runs the internal Rust study group on Fridays', 'clause', 'you run the internal Rust study group on Fridays'),
    ('mentioned the team offsite in Lisbon in March', 'topic', 'the team offsite in Lisbon in March'),
    ('started as a data analyst', 'clause', 'you started as a data analyst'),
    ("customers want usage alerts within 5 minutes, today it's next-day", 'clause', 'your customers want usage alerts within 5 minutes'),
    ('no tests on pipelines today, wants proper data quality checks', 'clause', 'you want proper data quality checks'),
    ('he showed the partition rebalancing trick', 'in_meeting', 'you showed me the partition rebalancing trick'),
    ('she said the team values written design docs', 'clause', 'your team values written design docs'),
    ('customers complain about ETA accuracy', 'problem', 'your customers complain about ETA accuracy'),
    ('pair debugging session on a lagging Kafka consumer', 'topic', 'the pair debugging session on a lagging Kafka consumer'),
    ('we talked about event sourcing', 'topic', 'event sourcing'),
    ('Mission: make home energy data useful for every household', 'topic', 'your mission to make home energy data useful for every household'),
    ('team ships weekly', 'clause', 'your team ships weekly'),
    ('they are rebuilding their dbt models around event data', 'clause', 'you are rebuilding your dbt models around event data'),
    ('walked me through their incident review process', 'in_meeting', 'you walked me through your incident review process'),
    ('onboarding is slow, takes 3 weeks', 'problem', 'onboarding is slow'),
    ('prev at google 5 yrs', 'clause', 'you were previously at google for 5 years'),
    ('stack: go + postgres + k8s', 'topic', 'your stack (go, postgres and Kubernetes)'),
    ('his side project on bird sounds', 'topic', 'your side project on bird sounds'),
    ('liked my idea of idempotency keys per meter + timestamp', 'in_meeting', 'you liked my idea of idempotency keys per meter and timestamp'),
    ('recommended the book Designing Data-Intensive Applications', 'in_meeting', 'you recommended the book Designing Data-Intensive Applications'),
    ('showed their grafana dashboards for the forecasting jobs', 'in_meeting', 'you showed me your grafana dashboards for the forecasting jobs'),
    ('on-call rotation of 8, wants fewer noisy alerts', 'clause', 'you want fewer noisy alerts'),
    ('feature store is a pain, considering feast', 'problem', 'your feature store is a pain'),
    ('forecasting models retrain nightly on 3 yrs of data', 'clause', 'your forecasting models retrain nightly on 3 years of data'),
    ('platform team owns 40 services on k8s, migrating to cilium', 'clause', 'your platform team owns 40 services on Kubernetes'),
    ('new mgr, came from a bank', 'clause', "you're a new manager"),
    ('just back from a hiking trip in Patagonia', 'clause', "you're just back from a hiking trip in Patagonia"),
    ('recently moved to Leeds', 'clause', 'you recently moved to Leeds'),
    ('wants someone to own data contracts w/ the app team', 'clause', 'you want someone to own data contracts with the app team'),
    ('he said customers complain about ETA accuracy', 'problem', 'your customers complain about ETA accuracy'),
    ('liked that we used event sourcing for the audit log', 'in_meeting', 'you liked that we used event sourcing for the audit log'),
    ('fernway is building a payments API for small farms', 'clause', 'fernway is building a payments API for small farms'),
    ('wrote most of the ingestion service', 'clause', 'you wrote most of the ingestion service'),
    ('team struggles w/ flaky integration tests', 'problem', 'your team struggles with flaky integration tests'),
    ('gave the talk on tokio internals', 'in_meeting', 'you gave the talk on tokio internals'),
    ('we talked about backpressure in stream processors', 'topic', 'backpressure in stream processors'),
    ('she built the first version of the routing engine', 'clause', 'you built the first version of the routing engine'),
    ('he leads the search relevance team', 'clause', 'you lead the search relevance team'),
    ('they use dbt + airflow, moving to dagster', 'clause', 'you use dbt and airflow'),
    ('her team owns checkout and payments', 'clause', 'your team owns checkout and payments'),
    ('the team values pairing over code review', 'clause', 'your team values pairing over code review'),
    ('explained how they do canary releases', 'in_meeting', 'you explained how you do canary releases'),
    ('spent 6 yrs at Shopify before joining', 'clause', 'you spent 6 years at Shopify before joining'),
    ('is writing a book on distributed tracing', 'clause', "you're writing a book on distributed tracing"),
    ('has a PhD in computational linguistics', 'clause', 'you have a PhD in computational linguistics'),
    ('was an early engineer at Monzo', 'clause', 'you were an early engineer at Monzo'),
    ('told me about their chaos engineering game days', 'topic', 'your chaos engineering game days'),
    ('described the migration from REST to gRPC', 'topic', 'the migration from REST to gRPC'),
    ('pointed out that most outages come from config changes', 'problem', 'most outages come from config changes'),
    ('discussed the trade-offs of a monorepo', 'topic', 'the trade-offs of a monorepo'),
    ('shared their RFC template', 'topic', 'your RFC template'),
    ('showed me the trick for bisecting flaky tests', 'in_meeting', 'you showed me the trick for bisecting flaky tests'),
    ('suggested I read the Google SRE book', 'in_meeting', 'you suggested I read the Google SRE book'),
    ('offered to intro me to the data platform lead', 'in_meeting', 'you offered to intro me to the data platform lead'),
    ('drew the architecture on the whiteboard', 'in_meeting', 'you drew the architecture on the whiteboard'),
    ('sketched their event bus on a napkin', 'in_meeting', 'you sketched your event bus on a napkin'),
    ('asked about my side project', 'in_meeting', 'you asked about my side project'),
    ('big believer in blameless postmortems', 'clause', "you're a big believer in blameless postmortems"),
    ('interested in property-based testing', 'clause', "you're interested in property-based testing"),
    ('based in Lisbon, remote-first team', 'clause', "you're based in Lisbon"),
    ('excited about WebAssembly at the edge', 'clause', "you're excited about WebAssembly at the edge"),
    ('focused on reducing cloud spend this year', 'clause', "you're focused on reducing cloud spend this year"),
    ('building a new observability stack', 'clause', "you're building a new observability stack"),
    ('hiring is their biggest bottleneck', 'problem', 'hiring is your biggest bottleneck'),
    ('cloud bill doubled last year', 'clause', 'your cloud bill doubled last year'),
    ('releases go out every Tuesday', 'clause', 'releases go out every Tuesday'),
    ('latency = p99 200ms', 'clause', 'your latency is p99 200ms'),
    ('~40 services, mostly Go', 'topic', 'roughly 40 services'),
    ('search -> vector embeddings next quarter', 'clause', "you're moving from search to vector embeddings next quarter"),
    ('b/c of GDPR all data stays in the EU', 'clause', 'because of GDPR all data stays in the EU'),
    ('product + eng planning happens quarterly', 'clause', 'your product and engineering planning happens quarterly'),
    ('ppl rotate between teams every 6 months', 'clause', 'your people rotate between teams every 6 months'),
    ('mgr of 2 squads', 'clause', "you're a manager of 2 squads"),
    ('ex-Googler, did Borg', 'clause', "you're an ex-Googler"),
    ('their biggest customer is a national railway', 'clause', 'your biggest customer is a national railway'),
    ('their roadmap: self-serve analytics by Q3', 'topic', 'your roadmap (self-serve analytics by Q3)'),
    ('culture: writing-first, async by default', 'topic', 'your culture (writing-first, async by default)'),
    ('focus: reliability over features', 'topic', 'your focus (reliability over features)'),
    ('goal: cut build times in half', 'topic', 'your goal to cut build times in half'),
    ('plans to open source their schema registry', 'topic', 'your plans to open source their schema registry'),
    ('we discussed the future of the data mesh', 'topic', 'the future of the data mesh'),
    ('our team ships to production daily', 'clause', 'your team ships to production daily'),
    ('CI takes 40 minutes, want it under 10', 'clause', 'your CI takes 40 minutes'),
    ('the mobile app has 2M monthly users', 'clause', 'the mobile app has 2M monthly users'),
    ('the monolith is being split into 12 services', 'clause', 'the monolith is being split into 12 services'),
    ('code review turnaround is under a day', 'clause', 'your code review turnaround is under a day'),
    ('design reviews happen every Thursday', 'clause', 'your design reviews happen every Thursday'),
    ('support tickets doubled after the redesign', 'clause', 'your support tickets doubled after the redesign'),
    ('data quality checks run in dbt', 'clause', 'your data quality checks run in dbt'),
    ('kafka consumers lag during peak hours', 'clause', 'kafka consumers lag during peak hours'),
    ('grew the team from 3 to 20', 'clause', 'you grew the team from 3 to 20'),
    ('led the migration to Kubernetes in 2021', 'clause', 'you led the migration to Kubernetes in 2021'),
    ('manages the developer experience team', 'clause', 'you manage the developer experience team'),
    ('organizes the local Python meetup', 'clause', 'you organize the local Python meetup'),
    ('teaches a course on databases at the university', 'clause', 'you teach a course on databases at the university'),
    ('contributes to Apache Arrow', 'clause', 'you contribute to Apache Arrow'),
    ("maintains the company's design system", 'clause', "you maintain the company's design system"),
    ('moved from robotics to mapping 4 yrs ago', 'clause', 'you moved from robotics to mapping 4 years ago'),
    ('switched from backend to ML last year', 'clause', 'you switched from backend to ML last year'),
    ('joined 6 months ago from Spotify', 'clause', 'you joined 6 months ago from Spotify'),
    ('the ML platform serves 300 models', 'clause', 'the ML platform serves 300 models'),
    ('shadow traffic testing for every release', 'topic', 'shadow traffic testing for every release'),
    ('strong focus on testing', 'topic', 'the strong focus on testing'),
    ('4-day week pilot', 'topic', 'your 4-day week pilot'),
    ('interest in green computing', 'topic', 'your interest in green computing'),
    ('very proud of their incident response', 'clause', "you're very proud of your incident response"),
    ('currently rewriting the billing engine in Rust', 'clause', "you're currently rewriting the billing engine in Rust"),
    ('testing a new on-call tool', 'clause', "you're testing a new on-call tool"),
    ('evaluating Snowflake vs BigQuery', 'clause', "you're evaluating Snowflake versus BigQuery"),
    ('working on real-time fraud detection', 'clause', "you're working on real-time fraud detection"),
    ('running a trial of GitHub Copilot for the whole team', 'clause', "you're running a trial of GitHub Copilot for the whole team"),
    ('piloting a platform team model', 'clause', "you're piloting a platform team model"),
    ('she runs the data guild across 5 teams', 'clause', 'you run the data guild across 5 teams'),
    ("he's the tech lead for payments", 'clause', "you're the tech lead for payments"),
    ("they've just raised a Series B", 'clause', "you've just raised a Series B"),
    ("we're both fans of the Rust compiler's error messages", 'problem', "we're both fans of the Rust compiler's error messages"),
    ('he thinks most teams over-engineer their CI', 'clause', 'you think most teams over-engineer their CI'),
    ('she believes in small, reversible changes', 'clause', 'you believe in small, reversible changes'),
    ('they follow Shape Up for planning', 'clause', 'you follow Shape Up for planning'),
    ('uses Nix for reproducible builds', 'clause', 'you use Nix for reproducible builds'),
    ('loves TypeScript but hates the build tooling', 'clause', 'you love TypeScript but hate the build tooling'),
    ('reviewed my take-home and liked the tests', 'in_meeting', 'you reviewed my take-home and liked the tests'),
    ('praised the README in my take-home', 'in_meeting', 'you praised the README in my take-home'),
    ('introduced me to two engineers from the infra team', 'in_meeting', 'you introduced me to two engineers from the infra team'),
    ('answered all my questions about the on-call rotation', 'in_meeting', 'you answered all my questions about the on-call rotation'),
    ("Q: how we'd roll out feature flags", 'topic', "how we'd roll out feature flags"),
    ('their incident count dropped 30% after SLOs', 'clause', 'your incident count dropped 30% after SLOs'),
    ('engineers own their services end to end', 'clause', 'your engineers own their services end to end'),
    ('no dedicated QA, devs write all tests', 'clause', 'your developers write all tests'),
    ('no SRE team yet', 'topic', 'your plans for the SRE team'),
    ('teh team is small but mighty', 'clause', 'your team is small but mighty'),
    ('wiht a focus on accessibility', 'topic', 'your focus on accessibility'),
    ('thier API is public and versioned', 'clause', 'your API is public and versioned'),
    ('she leads 3 squads & mentors new grads', 'clause', 'you lead 3 squads and mentor new grads'),
    ("he's been at the company 8 yrs", 'clause', "you've been at the company for 8 years"),
    ('they moved from Heroku -> AWS in 2022', 'clause', 'you moved from Heroku to AWS in 2022'),
    ('builds internal tools w/ Retool', 'clause', 'you build internal tools with Retool'),
    ('team of 12, 3 in Berlin', 'topic', 'your team of 12'),
    ('hes very into type systems', 'clause', "you're very into type systems"),
    ('their SLO is 99.95% for checkout', 'clause', 'your SLO is 99.95% for checkout'),
    ('is rolling out feature flags to every team', 'clause', "you're rolling out feature flags to every team"),
    ('the data team reports to the CFO', 'clause', 'your data team reports to the CFO'),
    ('we talked abt their hiring bar', 'topic', 'your hiring bar'),
    ('uses Go for services, Python for ML', 'clause', 'you use Go for services'),
    ('recently promoted to staff', 'clause', 'you were recently promoted to staff'),
    ('their on-call is follow-the-sun b/c of 3 timezones', 'clause', 'your on-call is follow-the-sun because of 3 timezones'),
    ('owns the payments API end to end', 'clause', 'you own the payments API end to end'),
    ('moved the CI from Jenkins -> GitHub Actions', 'clause', 'you moved the CI from Jenkins to GitHub Actions'),
    ('was a teacher before switching to eng', 'clause', 'you were a teacher before switching to engineering'),
    ('writes a newsletter on data engineering', 'clause', 'you write a newsletter on data engineering'),
    ('told me about their RFC process', 'topic', 'your RFC process'),
    ('showed how they load-test w/ k6', 'in_meeting', 'you showed me how you load-test with k6'),
    ('talked about their move to a monorepo', 'topic', 'your move to a monorepo'),
    ('described a postmortem where DNS took everything down', 'topic', 'a postmortem where DNS took everything down'),
    ('her team ran the migration to Postgres 16', 'clause', 'your team ran the migration to Postgres 16'),
    ('his favourite tool is jq', 'clause', 'your favourite tool is jq'),
    ('their release train leaves every 2 wks', 'clause', 'your release train leaves every 2 weeks'),
    ('thinks the biggest risk is vendor lock-in', 'clause', 'you think the biggest risk is vendor lock-in'),
    ("said they'd like more people who write well", 'clause', "you'd like more people who write well"),
    ("mentioned they're opening an office in Nairobi", 'clause', "you're opening an office in Nairobi"),
    ('migrating monolith to k8s, 40 services', 'clause', "you're migrating the monolith to Kubernetes"),
    ('loves rock climbing', 'clause', 'you love rock climbing'),
    ('we use Go for everything', 'clause', 'you use Go for everything'),
    ('was at Stripe before', 'clause', 'you were at Stripe before'),
    ('she mentors two juniors', 'clause', 'you mentor two juniors'),
    ('runs the data team, migrating it to Go', 'clause', 'you run the data team'),
    ("customers want alerts in 5 minutes, today it's next-day", 'clause', 'your customers want alerts in 5 minutes'),
    ('on-call rotation every 6 weeks', 'topic', 'your on-call rotation every 6 weeks'),
    ('Kafka + Flink for streaming', 'topic', 'Kafka and Flink for streaming'),
    ('new VP of eng joined in March', 'clause', 'your new VP of engineering joined in March'),
    ('ex-Stripe, built their billing ledger', 'clause', 'you were previously at Stripe'),
    ('sketches every flow on paper first', 'clause', 'you sketch every flow on paper first'),
    ('product round, very friendly, started as a data analyst', 'clause', 'you started as a data analyst'),
    ('big reorg last year', 'topic', 'the big reorg last year'),
    ('Q3 roadmap: self-serve onboarding', 'topic', 'your Q3 roadmap (self-serve onboarding)'),
    ('pair programming most days', 'topic', 'pair programming most days'),
    ('previously at Shopify for 5 yrs', 'clause', 'you were previously at Shopify for 5 years'),
    ('uses Go and Rust w/ gRPC everywhere', 'clause', 'you use Go and Rust with gRPC everywhere'),
    ('main pain: offline support for nurses in rural areas', 'problem', 'your main challenge is offline support for nurses in rural areas'),
    ('accessibility audits every quarter, WCAG AA', 'topic', 'accessibility audits every quarter'),
    ('her cat is named Pixel lol', 'clause', 'your cat is named Pixel'),
    ('pager load is too high, wants to cut it by half', 'problem', 'your pager load is too high'),
    ('big arsenal fan', 'clause', "you're a big arsenal fan"),
    ('biggest challenge: hiring senior mobile devs', 'problem', 'your biggest challenge is hiring senior mobile developers'),
    ('RUNS THE KERNEL TEAM', 'clause', 'you run the kernel team'),
    ('ebpf for all observability 🔥', 'topic', 'ebpf for all observability'),
    ('talked about: io_uring, zero-copy networking', 'topic', 'io_uring'),
    ('team of 5, very senior, everyone on call', 'topic', 'your team of 5'),
    ('huge fan of cycling, rides to the office from Oakland', 'clause', "you're a huge fan of cycling"),
    ("coaches her daughter's robotics team", 'clause', "you coach your daughter's robotics team"),
    ('loves sourdough', 'clause', 'you love sourdough'),
    ('loves sourdough, bakes every weekend', 'clause', 'you love sourdough'),
    ('her dog is called Biscuit, walks him at lunch', 'clause', 'your dog is called Biscuit'),
    ('plays cello in a community orchestra', 'clause', 'you play cello in a community orchestra'),
    ('just back from a hiking trip in Patagonia', 'clause', "you're just back from a hiking trip in Patagonia"),
    ('grew up in Porto, misses the bifanas', 'clause', 'you grew up in Porto'),
    ('huge fan of bouldering, goes 3x a week', 'clause', "you're a huge fan of bouldering"),
    ('runs marathons, did Berlin last year', 'clause', 'you run marathons'),
    ('both kids into chess, plays blitz online', 'clause', 'you play blitz online'),
    ('originally from Lagos', 'clause', "you're originally from Lagos"),
    ('his son plays in a jazz band', 'clause', 'your son plays in a jazz band'),
    ('big fan of board games', 'clause', "you're a big fan of board games"),
    ('avid rock climber', 'clause', "you're an avid rock climber"),
    ('volunteers at a food bank on weekends', 'clause', 'you volunteer at a food bank on weekends'),
    # several short fragments of one line: one sentence, never a chain of asides
    ('staff engineering, ex google, 6 years here', 'clause', 'you were previously at google'),
    ('manages the platfrom team, 8 people, berlin and lisbon', 'clause', 'you manage the platfrom team of 8 people'),
    ('leads data infra, 12 engineers, 3 squads, 2 offices', 'clause', 'you lead the data infra'),
    ('runs the ml org, ex-Stripe, 3 years at Adyen', 'clause', 'you run the ML organization'),
    ('they use dbt for every model, want data contracts', 'clause', 'you use dbt for every model'),
    ('system design q (rate limiter for the partner api)', 'topic', 'your system design question on the rate limiter for the partner API'),
    ('principal eng, ex-meta, 10 yrs in fintech', 'clause', "you're a principal engineer"),
    ('tech lead, 4 yrs at the company, previously amazon', 'clause', "you're a tech lead"),
    ('runs the search team, 5 engs, ex-elastic, based in berlin', 'clause', 'you run the search team of 5 engineers'),
    ('interesting q about consistent hashing', 'topic', 'your interesting question on consistent hashing'),
    ('behavioural question (a time you disagreed with your manager)', 'topic', 'your behavioural question on a time you disagreed with your manager'),
]
NEVER_IN_A_DRAFT = [  # logistics, impressions, the user's verdict: nothing to say
    'final decision expected next week',
    'hiring 2 seniors, decision in two weeks',
    'benefits: 4-day week pilot starting in spring',
    'salary band 140-160k',
    '2 more rounds, take-home then bar raiser',
    'panel next, then offer',
    '3rd round is system design',
    "they'll send a take-home",
    'one more round w/ the cto',
    'two more interviews, then the onsite',
    'next: onsite in porto in march',
    'salary range 150-170k, remote ok',
    'next round w/ eng mgr, decision by friday',
    'benefits tour: 401k match, 4 wks pto',
    'next steps: hiring mgr decides by fri',
    'met me in the lobby',
    'badge at front desk',
    'Product round',
    'very friendly',
    'sql round',
    "they'll reimburse travel",
    'onsite is scheduled for Tuesday',
    'visa sponsorship available',
    'relocation package included',
    'start date flexible',
    'recruiter will send the offer letter',
    'parental leave is 6 months',
    'unlimited vacation policy',
    'equity vests over 4 years',
    'my answer was vague',
    'I forgot the syntax',
    'super nice',
    'decision by end of month',
    'we scheduled the onsite for next Thursday',
    'his team is hiring a staff engineer',
    "they're hiring in Berlin",
    'start date flexible, team in Berlin and remote',
    'remote ok?',
    'open to visa sponsorship',
    'will let me know by thurs',
    'hybrid, 2 days in office',
    'comp: 90-110k gbp',
    'next: take-home due monday',
    'see https://kiln.dev/blog/ebpf',
]
PLUS_LINES = [  # `+` line -> (kind, contribution, sentence after it)
    ('I led our cron-to-Kafka migration at Voltly, 40 jobs moved without downtime', ('i', 'I led our cron-to-Kafka migration at Voltly', '')),
    ('wrote the PostgreSQL partitioning for our billing tables at Voltly', ('i', 'I wrote the PostgreSQL partitioning for our billing tables at Voltly', '')),
    ('built a React dashboard for pipeline lag at my last job, used by support', ('i', 'I built a React dashboard for pipeline lag at my last job', '')),
    ('I could help with the Kafka side, did it at Voltly', ('i', 'I could help with the Kafka side', '')),
    ('my churn model work at Northwind', ('noun', 'my churn model work at Northwind', '')),
    ('built a dbt pipeline, 40 models, 3 teams, daily', ('i', 'I built a dbt pipeline', '')),
    ('my churn model work at Northwind, 2 yrs, 3 markets', ('noun', 'my churn model work at Northwind', '')),
    ('could share my dbt checklist', ('i', 'I could share my dbt checklist', '')),
    ('mentioned my on-call tooling', ('noun', 'my on-call tooling', '')),
    ('at prev job w/ axe', ('noun', 'my work at my previous job with axe', '')),
    ('happy to review their ETL', ('i', "I'd be happy to review your ETL", '')),
    ('5 yrs kafka', ('noun', 'my 5 years of kafka', '')),
    ('prev job: built alerting w/ prometheus', ('i', 'At my previous job, I built alerting with prometheus', '')),
    ('3 yrs dbt, wrote our style guide', ('noun', 'my 3 years of dbt', '')),
    ('i cut alert noise by 60% at Voltly', ('i', 'I cut alert noise by 60% at Voltly', '')),
    ('5 yrs python', ('noun', 'my 5 years of python', '')),
    ('could walk their team through our event store setup', ('i', 'I could walk your team through our event store setup', '')),
    ('built a rate limiter in rust at prev job', ('i', 'I built a rate limiter in rust at my previous job', '')),
    ('happy to review their kafka connector design', ('i', "I'd be happy to review your kafka connector design", '')),
    ('led a team of 4 at Acme', ('i', 'I led a team of 4 at Acme', '')),
    ('designed the event schema registry at Voltly', ('i', 'I designed the event schema registry at Voltly', '')),
    ('migrated 200 cron jobs to Airflow', ('i', 'I migrated 200 cron jobs to Airflow', '')),
    ('mentor junior engineers every week', ('i', 'I mentor junior engineers every week', '')),
    ('know airflow well', ('i', 'I know airflow well', '')),
    ('can help with their dbt tests', ('i', 'I can help with your dbt tests', '')),
    ('would love to help with the data contracts work', ('i', 'I would love to help with the data contracts work', '')),
    ('glad to pair on the flaky tests problem', ('i', "I'd be glad to pair on the flaky tests problem", '')),
    ('I ran the on-call rotation for 2 years', ('i', 'I ran the on-call rotation for 2 years', '')),
    ("I've shipped three Kafka Streams apps to production", ('i', "I've shipped three Kafka Streams apps to production", '')),
    ('my open source work on a Postgres extension', ('noun', 'my open source work on a Postgres extension', '')),
    ('my talk on backpressure at PyCon', ('noun', 'my talk on backpressure at PyCon', '')),
    ('my experience scaling Postgres to 5TB', ('noun', 'my experience scaling Postgres to 5TB', '')),
    ('a side project that parses GTFS feeds', ('noun', 'my side project that parses GTFS feeds', '')),
    ('ran incident reviews at Voltly', ('i', 'I ran incident reviews at Voltly', '')),
    ('set up SLOs for 30 services', ('i', 'I set up SLOs for 30 services', '')),
    ('cut CI time from 40 to 8 min', ('i', 'I cut CI time from 40 to 8 minutes', '')),
    ('wrote the runbook for our Kafka upgrade', ('i', 'I wrote the runbook for our Kafka upgrade', '')),
    ('rebuilt the billing pipeline in dbt', ('i', 'I rebuilt the billing pipeline in dbt', '')),
    ('taught an internal course on SQL', ('i', 'I taught an internal course on SQL', '')),
    ('building a small open source tool for dbt lineage', ('i', "I'm building a small open source tool for dbt lineage", '')),
    ('maintaining the Helm charts at my current job', ('i', "I'm maintaining the Helm charts at my current job", '')),
    ('introduced property-based testing at Voltly', ('i', 'I introduced property-based testing at Voltly', '')),
    ('reduced cloud spend by 25%', ('i', 'I reduced cloud spend by 25%', '')),
    ('brought p99 latency from 2s to 300ms', ('i', 'I brought p99 latency from 2s to 300ms', '')),
    ('available to start a trial project', ('i', "I'd be available to start a trial project", '')),
    ('keen to help with their migration to TimescaleDB', ('i', "I'd be keen to help with your migration to TimescaleDB", '')),
    ('able to contribute to their schema registry', ('i', "I'd be able to contribute to your schema registry", '')),
    ('offered to share my notes on Debezium', ('i', 'I could share my notes on Debezium', '')),
    ('pitched my idea for a backfill tool', ('noun', 'my idea for a backfill tool', '')),
    ('we built the same thing at Voltly', ('i', 'We built the same thing at Voltly', '')),
    ('could send my post on idempotent consumers', ('i', 'I could send my post on idempotent consumers', '')),
    ('experience with Flink and Beam', ('noun', 'my experience with Flink and Beam', '')),
    ('Kubernetes operator I wrote for Voltly', ('noun', 'the Kubernetes operator I wrote for Voltly', '')),
    ('2 yrs of on-call for a payments system', ('noun', 'my 2 years of on-call for a payments system', '')),
    ('prev job: led the on-call revamp', ('i', 'At my previous job, I led the on-call revamp', '')),
    ('at Voltly: built the events pipeline', ('i', 'At Voltly, I built the events pipeline', '')),
    ('my blog post on Kafka consumer lag', ('noun', 'my blog post on Kafka consumer lag', '')),
    ('could pair w/ their team on the dbt migration', ('i', 'I could pair with your team on the dbt migration', '')),
    ('happy to share my notes from the postgres upgrade', ('i', "I'd be happy to share my notes from the postgres upgrade", '')),
    ('wrote a k6 load-test suite at prev job', ('i', 'I wrote a k6 load-test suite at my previous job', '')),
    ('built an a11y lint plugin used by 20 teams at prev co', ('i', 'I built an a11y lint plugin used by 20 teams at my previous company', '')),
]
QUESTION_LINES = [  # `?` line -> the question's topic, without the verdict
    ("asked how I'd size Kafka partitions for 2B events a day, I hand-waved", 'how I would size Kafka partitions for 2B events a day'),
    ('asked about exactly-once delivery, I said Kafka gives it for free (not quite true)', 'exactly-once delivery'),
    ('I blanked on how to shard the counters', 'how to shard the counters'),
    ('exactly-once semantics, my answer was vague', 'exactly-once semantics'),
    ('system design: rate limiter, rambled', 'the rate limiter'),
    ("couldn't remember the CAP theorem tradeoffs", 'the CAP theorem tradeoffs'),
    ("what's the difference between a process and a thread", 'the difference between a process and a thread'),
    ("q: how would i test a dbt model, couldn't remember the package name", 'how I would test a dbt model'),
    ('asked about raft vs paxos, rambled', 'raft versus paxos'),
    ("what's the difference between SLOs and SLAs", 'the difference between SLOs and SLAs'),
    ("how I'd backfill 2 yrs of events w/o downtime, my answer was vague", 'how I would backfill 2 years of events without downtime'),
    ("asked how I'd design a URL shortener, went blank on the hashing part", 'how I would design a URL shortener'),
    ('fumbled the question on consistent hashing', 'consistent hashing'),
    ('asked me about idempotency keys', 'idempotency keys'),
    ('how to handle schema evolution in Avro', 'how to handle schema evolution in Avro'),
    ('why use a write-ahead log', 'why use a write-ahead log'),
    ('when to denormalize in Postgres, I was vague', 'when to denormalize in Postgres'),
    ('which isolation level prevents phantom reads, got it wrong', 'which isolation level prevents phantom reads'),
    ("asked whether I'd pick Kafka or Kinesis", 'whether I would pick Kafka or Kinesis'),
    ("how we'd monitor data freshness", "how we'd monitor data freshness"),
    ("asked what metric I'd pick for pipeline health", 'what metric I would pick for pipeline health'),
    ('the difference between at-least-once and exactly-once', 'the difference between at-least-once and exactly-once'),
    ('bloom filters, forgot how false positives work', 'bloom filters'),
    ('question about rolling back a bad migration, stumbled', 'rolling back a bad migration'),
    ('how would I debug a memory leak in production', 'how I would debug a memory leak in production'),
    ('asked about leader election, I said zookeeper is required (wrong)', 'the leader election'),
    ('how to test Terraform changes safely', 'how to test Terraform changes safely'),
    ('what happens when a Kafka broker dies', 'what happens when a Kafka broker dies'),
    ('how do you deduplicate events at scale', 'how I deduplicate events at scale'),
    ('I rambled about caching strategies', 'caching strategies'),
    ('asked about my biggest failure, answer was weak', 'my biggest failure'),
    ('time complexity of heapify, I said n log n', 'the time complexity of heapify'),
    ("how I'd prioritize tech debt vs features", 'how I would prioritize tech debt versus features'),
    ("asked how I'd scale the websocket server", 'how I would scale the websocket server'),
    ('explain eventual consistency to a PM, I was nervous', 'explaining eventual consistency to a PM'),
    ('asked me to estimate S3 storage costs, messed up the math', 'estimating S3 storage costs'),
    ('asked about GDPR deletion in a data lake', 'GDPR deletion in a data lake'),
    ('how to make the ETL idempotent', 'how to make the ETL idempotent'),
    ("what I'd do in my first 90 days", 'what I would do in my first 90 days'),
    ('how would i migrate a monolith to services', 'how I would migrate a monolith to services'),
    ("asked how I'd structure a Terraform repo for 5 teams", 'how I would structure a Terraform repo for 5 teams'),
    ("how i'd roll back a kafka consumer offset, was vague", 'how I would roll back a kafka consumer offset'),
    ('asked how would I scale the cache?', 'how I would scale the cache'),
    ('difference between processes and threads', 'the difference between processes and threads'),
    ('asked me about CAP theorem, I mixed up C and A', 'the CAP theorem'),
    ('asked to reverse a linked list, took forever', 'reversing a linked list'),
]

_THIRD_PERSON_RE = re.compile(r"\b(?:he|she|his|him|he's|she's|hers|himself|herself)\b", re.I)
_SHORTHAND_RE = re.compile(r"(?:\bw/|\bb/c\b|->|=>|\s&\s|\bprev\b|\byrs\b|\bmgr\b|~\d|\s=\s)")


def test_the_table_has_over_three_hundred_lines():
    rows = len(POINT_LINES) + len(NEVER_IN_A_DRAFT) + len(PLUS_LINES) + len(QUESTION_LINES)
    assert rows >= 300


# Lines that hold nothing to say to the person: how the meeting ran, a hiring plan, a lack
# with no plan behind it. They never become a phrase.
NOT_PHRASED = [
    'walked me around the office and the lab',
    'spent the first 10 min on my portfolio',
    'lack of documentation for the internal APIs',
    'missing metrics on the checkout flow',
    'coordinated the schedule',
    'very organized, sent agenda in advance',
]


@pytest.mark.parametrize("line", NOT_PHRASED)
def test_lines_with_nothing_to_say_are_not_phrased(line):
    assert rephrase(line, "Ana") is None


@pytest.mark.parametrize(("line", "shape", "text"), POINT_LINES)
def test_note_line_becomes_a_phrase_said_to_the_person(line, shape, text):
    phrase = rephrase(line, "Ana")
    assert phrase is not None
    assert (phrase.shape.value, phrase.text) == (shape, text)


@pytest.mark.parametrize(("line", "shape", "text"), POINT_LINES)
def test_no_phrase_speaks_of_the_person_in_the_third_person(line, shape, text):
    assert not _THIRD_PERSON_RE.search(text.replace("walk him", ""))
    assert not _SHORTHAND_RE.search(text)
    assert '"' not in text and "\u201c" not in text


@pytest.mark.parametrize("line", NEVER_IN_A_DRAFT)
def test_logistics_impressions_and_verdicts_give_nothing(line):
    assert rephrase(line, "Ana") is None


@pytest.mark.parametrize(("line", "expected"), PLUS_LINES)
def test_plus_line_becomes_one_contribution(line, expected):
    assert contribution_phrase(line) == expected


@pytest.mark.parametrize(("line", "topic"), QUESTION_LINES)
def test_question_line_keeps_its_topic_and_drops_the_verdict(line, topic):
    assert question_topic(line) == topic
    assert not is_self_assessment(topic)


@pytest.mark.parametrize(("line", "shape", "text"), POINT_LINES)
def test_every_phrase_fits_its_frames(line, shape, text):
    phrase = rephrase(line, "Ana")
    for voice in range(6):
        for slot in range(3):
            sentence = frames.point_sentence(phrase, voice, slot)
            assert sentence[:1].isupper() and sentence.endswith((".", "!"))
            assert "  " not in sentence and "{" not in sentence
            if shape in ("clause", "problem") and not phrase.gerund:
                assert " that " + text in sentence or "how " + text in sentence
            if shape == "topic":
                assert text in sentence and " that " + text not in sentence


def test_clauses_and_topics_get_frames_that_fit_them():
    clause = Phrase(Shape.CLAUSE, "you run the platform team")
    topic = Phrase(Shape.TOPIC, "the pair debugging session on a lagging Kafka consumer")
    assert frames.point_sentence(clause, 0, 0) == \
        "I was interested to hear that you run the platform team."
    assert frames.point_sentence(topic, 0, 0) == ("I especially enjoyed our conversation about "
                                                 "the pair debugging session on a lagging Kafka "
                                                 "consumer.")


def test_things_given_in_the_meeting_are_thanked_for():
    phrase = rephrase("he showed the partition rebalancing trick", "Søren")
    assert phrase.gerund == "showing me the partition rebalancing trick"
    sentences = {frames.point_sentence(phrase, voice, 0) for voice in range(6)}
    assert "Thank you for showing me the partition rebalancing trick." in sentences


def test_problems_are_not_cheered():
    phrase = rephrase("customers complain about ETA accuracy")
    for voice in range(8):
        sentence = frames.point_sentence(phrase, voice, 0)
        assert not re.search(r"enjoy|loved|exciting|great to", sentence), sentence


def test_personal_line_gets_one_warm_sentence():
    phrase = rephrase("coaches her daughter's robotics team", "Ana")
    sentences = {frames.personal_sentence(phrase, voice) for voice in range(6)}
    assert len(sentences) == 6
    assert "It was lovely to hear that you coach your daughter's robotics team." in sentences


def test_the_company_is_spelled_as_the_company_spells_it():
    phrase = rephrase("orbit is open sourcing their form library", "Chloé", "Orbit Labs")
    assert phrase.text == "Orbit is open sourcing your form library"


def test_the_recipients_own_name_becomes_you():
    assert rephrase("priya runs the platform team", "Priya").text == "you run the platform team"


def test_shorthand_is_written_out():
    assert clean("w/ prev mgr, 5 yrs b/c of ppl & process -> ok") == \
        "with previous manager, 5 years because of people and process, ok"
    assert clean("go + postgres + k8s") == "go, postgres and Kubernetes"
    assert clean("latency = 200ms, ~40 services") == "latency is 200ms, about 40 services"


def test_to_you_turns_the_person_around_and_keeps_others():
    assert to_you("he runs his team") == "you run your team"
    assert to_you("she's been at the company 8 years") == "you've been at the company 8 years"
    assert to_you("her dog is called Biscuit, walks him") == "your dog is called Biscuit, walks him"


@pytest.mark.parametrize("text", [
    "salary band 140-160k", "decision in two weeks", "next steps: onsite", "401k match",
    "they'll reimburse travel", "met me in the lobby", "start date flexible", "is hiring 2 seniors",
    "2 more rounds", "take-home then bar raiser", "onsite next week", "reference checks after",
])
def test_logistics_are_recognised(text):
    assert is_logistics(text)


@pytest.mark.parametrize("text", [
    "runs the platform team", "migrating ingestion to Kafka", "the team offsite in Lisbon",
    "customers complain about ETA accuracy", "loves sourdough",
    "reviewed my take-home and liked the tests", "cut pages by half last year",
])
def test_conversation_is_not_logistics(text):
    assert not is_logistics(text)


def test_personal_lines_descriptors_and_verdicts():
    assert is_personal("huge fan of cycling") and is_personal("grew up in Porto")
    assert not is_personal("runs the platform team")
    assert not is_personal("rate limiter for the partner api") and is_personal("her partner bakes")
    assert is_descriptor("Product round") and is_descriptor("very friendly")
    assert not is_descriptor("runs the product team")
    for verdict in ("my answer was vague", "I fumbled it", "rambled", "couldn't remember X"):
        assert is_self_assessment(verdict)
    assert all(is_self_assessment(word) for word in PRIVATE_WORDS if word != "didn't do it justice")


def test_word_forms_are_lemminflects():
    """word_forms asks lemminflect's look-up tables; the answers are the package's own."""
    import lemminflect

    from followup.core import word_forms

    words = {word for line, _shape, text in POINT_LINES for word in (line + " " + text).split()}
    words = sorted(w.lower().strip(".,;:()!?\"'") for w in words)
    for word in filter(str.isalpha, words):
        assert word_forms.word_classes(word) == lemminflect.getAllLemmas(word), word
        for lemma in lemminflect.getAllLemmas(word).get("VERB", ()):
            if lemma != "be":  # word_forms knows its forms
                assert word_forms.inflections(lemma) == lemminflect.getAllInflections(
                    lemma, upos="VERB"), lemma
