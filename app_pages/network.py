"""Network: who argues alongside whom and against whom, the coalitions this gives, and how
polarised the issues are (discourse network analysis over the filtered stance table)."""

import streamlit as st

import dashboard
from core.analysis.network import POLARISATION_EXPLANATION, graph_bytes
from core.analysis.summary import entity_names
from core.views.export import EXPORT_FORMATS, GRAPH_FORMATS
from core.views.network_charts import GROUP_COLOURS, network_chart, polarisation_chart, wrapped_row_height
from core.views.render import escape_markdown, evidence_cards_html

TIES = {"congruence": "Agreement", "conflict": "Conflict"}
COLOUR_BY = {"country": "Country", "coalition": "Coalition"}

analysis = dashboard.get_analysis()
filters = dashboard.current_filters()
stances = dashboard.filtered_tables(analysis).stances

st.title("Network")
st.caption("Who argues alongside whom and who argues against whom, from the statements under the sidebar "
           "filters, as in discourse network analysis.")

if stances.empty:
    dashboard.show_empty_state(analysis, filters)
    st.stop()

controls = st.container(horizontal=True, gap="medium")
with controls:
    dashboard.seed_widget_from_url("network_ties", "ties", list(TIES), "congruence")
    kind = st.segmented_control("Ties", list(TIES), format_func=TIES.get, required=True, key="network_ties",
                                help="Agreement: both took the same side on an issue. Conflict: opposite sides.")
    kind = kind if kind in TIES else "congruence"
    dashboard.set_url_param("ties", kind, default="congruence")
    by = dashboard.entity_toggle("network_by")
    dashboard.seed_widget_from_url("network_colour", "colour", list(COLOUR_BY), "country")
    colour_by = st.segmented_control("Colour by", list(COLOUR_BY), format_func=COLOUR_BY.get, required=True,
                                     key="network_colour")
    colour_by = colour_by if colour_by in COLOUR_BY else "country"
    dashboard.set_url_param("colour", colour_by, default="country")
with st.container(horizontal=True, gap="medium"):
    people_only = by == "actor" and st.checkbox("People only", key="network_people",
                                                help="Leave out governments, organisations and groups.")
    normalise = st.checkbox("Normalise", key="network_normalise",
                            help="Divide each tie by the number of issues either of the two took a side on, "
                                 "so actors who speak on many issues do not dominate.")

view = dashboard.network_view(stances, kind, by, normalise, people_only, tuple(analysis.issue_labels.items()))
graph = view.graph
if graph.number_of_nodes() == 0:
    st.info("No one in the statements shown takes a side on any issue, so there is no network to draw. "
            "Loosen the sidebar filters or add articles.", icon=":material/hub:")
    st.stop()

who = "countries" if by == "country" else ("people" if people_only else "actors")
st.altair_chart(network_chart(graph, view.layout, colour_by=colour_by or "country", coalition_of=view.coalition_of))
tie_words = "took the same side on" if kind == "congruence" else "took opposite sides on"
st.caption(f"Each circle is one of the {graph.number_of_nodes()} {who} (bigger = more statements); a line joins two "
           f"that {tie_words} at least one issue ({graph.number_of_edges()} lines, thicker = more issues); "
           "hover a circle or a line for the issues and the quotes.")
if colour_by == "coalition":
    groups = len({view.coalition_of.get(str(node)) for node in graph.nodes} - {None})
else:
    groups = len({country for _, country in graph.nodes(data="country") if country})
if groups > len(GROUP_COLOURS):
    group_word = "coalitions" if colour_by == "coalition" else "countries"
    st.caption(f"There are {groups} {group_word}: past the first {len(GROUP_COLOURS)}, the colours repeat on squares, "
               "triangles and other shapes, as the legend shows.")

# The statements behind a circle, each with its article, outlet, date and a link to the passage:
# a tooltip cannot hold them all.
names = entity_names(stances, by)
drawn = sorted({str(graph.nodes[n].get("label", n)) for n in graph.nodes}, key=str.casefold)
chosen = st.selectbox("Read the statements of", drawn, index=None, key=f"network_evidence_{by}",
                      placeholder="Choose a country or actor in the network",
                      help="Every statement on a side behind this circle, with its article, outlet and date.")
if chosen:
    rows = stances[(names == chosen).to_numpy() & stances["stance"].isin(["support", "oppose"]).to_numpy()]
    st.markdown(f"**{escape_markdown(chosen)}**: {len(rows)} statement(s) taking a side")
    st.html(evidence_cards_html(rows.head(60), analysis.issue_labels))
    if len(rows) > 60:
        st.caption("The first 60 are shown; the Positions page lists every statement per issue.")

st.subheader(f"Coalitions ({len(view.coalitions)})")
st.caption("Groups that take the same sides, found by community detection (Louvain) on the agreement network; "
           "each is described by the positions at least half of its members share.")
# Long lists of members and positions wrap inside their cells instead of being cut at the edge.
text_widths = {"members": 280, "positions": 380}
st.dataframe(
    view.coalitions,
    hide_index=True,
    row_height=wrapped_row_height(view.coalitions, text_widths),
    column_config={
        "coalition": st.column_config.NumberColumn("Coalition", format="%d", width=80),
        "size": st.column_config.NumberColumn("Members", format="%d", width=80),
        "members": st.column_config.TextColumn("Who", width=text_widths["members"]),
        "positions": st.column_config.TextColumn("What holds them together", width=text_widths["positions"]),
    },
)

st.subheader("Polarisation")
overall = view.polarisation
left, right = st.columns([1, 3])
left.metric("Across all issues", "—" if overall.value is None else f"{overall.value:.2f}",
            help=POLARISATION_EXPLANATION, border=True)
right.caption(escape_markdown(POLARISATION_EXPLANATION))
right.caption(escape_markdown(f"Here: {overall.explanation} Mixed positions are left out."))
st.altair_chart(polarisation_chart(view.polarisation_by_issue))
st.caption("One bar per issue on which at least two took a side: the longer the bar, the more evenly "
           "the camps are split.")

st.subheader("Download this network")
downloads = st.container(horizontal=True)
for fmt in GRAPH_FORMATS:
    spec = EXPORT_FORMATS[fmt]
    downloads.download_button(
        f"Download {fmt.upper() if fmt == 'gexf' else 'GraphML'}",
        data=lambda fmt=fmt: graph_bytes(graph, fmt),  # made only when clicked
        file_name=f"network_{kind}_{by}{spec.extension}",
        mime=spec.mime,
        icon=":material/download:",
        on_click="ignore",
        help=spec.description,
    )
st.caption("GraphML opens in Gephi, visone, igraph and networkx; GEXF in Gephi. Nodes and ties carry their issues "
           "and quotes as attributes.")
