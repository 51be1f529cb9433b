"""The further grounds a landlord's own complaints policy sets (2.2).

The Code's list of acceptable exclusions is open: 2.2 says they *include* the
three it names (1.8 in the 2022 edition leaves them all to the policy). A
landlord's published policy may set further grounds that are fair to residents,
such as a matter with a statutory right of appeal. No rule can find such a
ground in the facts of a complaint, so :func:`policy_ground` makes one from the
policy's own words, and a person decides on it with reasons written for the
complaint (2.5), as for any ground. Import this name from
:mod:`complaintcode.exclusions`, which re-exports it.
"""

from __future__ import annotations

from complaintcode.editions import CODE_2024, Edition
from complaintcode.errors import InvalidRecord
from complaintcode.exclusions._grounds import Ground

__all__ = ["policy_ground"]


def policy_ground(
    description: str, *, policy_reference: str, edition: Edition = CODE_2024
) -> Ground:
    """A ground set by the landlord's published complaints policy (2.2; 1.8 in 2022).

    The ground cites the edition's provision on exclusions (2.2, or 1.8 under
    the 2022 edition) and is never discretionary. It is not an exclusion by
    itself: :func:`~complaintcode.exclusions.decide` accepts it only with
    reasons about the complaint's own circumstances (2.5), and the notice says
    it with the policy's reference (2.4, 5.11). ``decide`` cites it under the
    edition of the assessment it rests on.

    Args:
        description: The exclusion as the policy words it, such as ``"a
            matter with a statutory right of appeal"``.
        policy_reference: Where the policy sets it, such as ``"section 4.3"``.
        edition: The edition whose provision it cites; the 2024 edition by
            default.

    Returns:
        The :class:`~complaintcode.exclusions.Ground`, of kind ``"policy"``,
        holding both texts as given, without surrounding spaces.

    Raises:
        InvalidRecord: For a description or a policy reference that is not
            text or is blank, or an edition that is not an
            :class:`~complaintcode.editions.Edition`.

    >>> g = policy_ground(
    ...     "a matter with a statutory right of appeal", policy_reference="section 4.3"
    ... )
    >>> g.kind, g.provision.number, g.discretionary
    ('policy', '2.2', False)
    >>> print(g.reason)
    2.2: a ground set by the landlord's complaints policy (section 4.3): a matter with a statutory right of appeal
    >>> policy_ground(" ", policy_reference="section 4.3")
    Traceback (most recent call last):
    ...
    complaintcode.errors.InvalidRecord: description: 2.2: a policy ground needs the exclusion as the policy words it
    """
    if not isinstance(edition, Edition):
        raise InvalidRecord(f"expected an Edition, got {type(edition).__name__}", path="edition")
    cited = edition.cite("exclusion_grounds")
    texts = {"description": description, "policy_reference": policy_reference}
    for name, value in texts.items():
        if not isinstance(value, str):
            raise InvalidRecord(f"expected text, got {type(value).__name__}", path=name)
    description, policy_reference = description.strip(), policy_reference.strip()
    return Ground(
        kind="policy",
        provision=cited,
        discretionary=False,
        reason=f"{cited.number}: a ground set by the landlord's complaints policy "
        f"({policy_reference}): {description}",
        description=description,
        policy_reference=policy_reference,
    )


def cited_under(ground: Ground, edition: Edition) -> Ground:
    """A policy ground cited under ``edition``: the same ground, or made anew for it."""
    if ground.provision.edition == edition.year:
        return ground
    return policy_ground(
        str(ground.description), policy_reference=str(ground.policy_reference), edition=edition
    )
